package dev.kontor.orders;

/**
 * Where an order stands in its own life: the review/approval axis. Payment and fulfilment are separate
 * axes ({@link PaymentStatus}, {@link FulfilmentStatus}). Allowed moves are in {@link LifecycleRules}.
 */
public enum LifecycleStatus {
    /** Saved but not submitted; may still be changed freely or deleted. Holds stock only for a while. */
    DRAFT,
    /** Submitted (or imported) and awaiting review. */
    NEW,
    /** Reviewed and accepted: ready for payment and shipping. */
    APPROVED,
    /** Stopped for now (a question to the customer, a fraud check); released back to where it was. */
    ON_HOLD,
    /** Paid and shipped in full; nothing is left to do. */
    COMPLETED,
    /** Void: will not be fulfilled. Only possible before any money or goods moved. */
    CANCELLED,
    /** A draft that was thrown away; kept for its history, shown in no list. */
    DELETED;

    public boolean isFinal() {
        return this == COMPLETED || this == CANCELLED || this == DELETED;
    }
}
