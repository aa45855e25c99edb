package dev.kontor.customers;

/** A way to reach or identify a customer. */
public enum ContactKind {
    EMAIL,
    /** Any phone, usually a mobile. */
    PHONE,
    /** A fixed office line; foreign business customers need one. */
    LANDLINE,
    /** The account a customer pays from, e.g. an Alipay or PayPal account: how Taobao sellers find a buyer. */
    PAYER_ACCOUNT
}
