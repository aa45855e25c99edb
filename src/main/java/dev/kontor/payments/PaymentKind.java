package dev.kontor.payments;

/** Money in or money out. */
public enum PaymentKind {
    /** The customer pays the shop. */
    PAYMENT,
    /** The shop gives money back, always in the currency that was paid. */
    REFUND
}
