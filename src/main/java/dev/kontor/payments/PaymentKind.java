package dev.kontor.payments;

/** Money in or money out. */
public enum PaymentKind {
    /** The customer pays the shop. */
    PAYMENT,
    /** The shop gives money back, always in the currency that was paid. */
    REFUND,
    /** Money carried over from the order this one was split from: counts as paid here. */
    TRANSFER_IN,
    /** Money carried over to an order split from this one: no longer counts as paid here. */
    TRANSFER_OUT
}
