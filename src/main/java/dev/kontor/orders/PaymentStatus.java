package dev.kontor.orders;

/**
 * What the customer has paid, derived from payment and refund records; never set by hand.
 */
public enum PaymentStatus {
    /** Nothing paid yet. */
    UNPAID,
    /** A payment is on its way but not confirmed (a bank transfer announced, a card payment pending). */
    PENDING,
    /** Some, not all, of the total was paid. */
    PARTIALLY_PAID,
    /** The total was paid (or nothing is owed). */
    PAID,
    /** Part of what was paid was given back. */
    PARTIALLY_REFUNDED,
    /** Everything that was paid was given back. */
    REFUNDED;

    /**
     * The status for these sums (all in the order's currency, minor units).
     *
     * @param total    what the order costs
     * @param paid     the sum of succeeded payments
     * @param refunded the sum of succeeded refunds
     * @param pending  the sum of payments still pending or unknown
     */
    public static PaymentStatus derive(long total, long paid, long refunded, long pending) {
        if (refunded > 0) {
            return refunded >= paid ? REFUNDED : PARTIALLY_REFUNDED;
        }
        if (paid >= total && (paid > 0 || total == 0)) {
            return PAID;
        }
        if (paid > 0) {
            return PARTIALLY_PAID;
        }
        return pending > 0 ? PENDING : UNPAID;
    }
}
