package dev.kontor.integration;

/** What a marketplace is told about its order. */
public enum ChannelUpdateKind {
    /** The order shipped: carrier and tracking number. */
    SHIPPED,
    /** The order was cancelled (voided). */
    CANCELLED,
    /** Money was refunded. */
    REFUNDED,
    /** The seller wrote a note for the marketplace. */
    NOTE
}
