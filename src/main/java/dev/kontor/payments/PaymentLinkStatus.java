package dev.kontor.payments;

/** Where an invoice link stands. An open link may still have expired: see {@link PaymentLink#usableAt}. */
public enum PaymentLinkStatus {
    /** The customer may pay through it (until it expires). */
    OPEN,
    /** The customer paid through it. */
    PAID,
    /** It no longer works: the order was paid by other means, voided, or a new link replaced it. */
    CLOSED
}
