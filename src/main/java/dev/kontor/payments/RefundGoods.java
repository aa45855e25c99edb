package dev.kontor.payments;

/** What happens to the goods of a refunded line. */
public enum RefundGoods {
    /** They came back in sellable condition: on hand again. */
    RESTOCK,
    /** They came back broken: counted as defective, not sellable. */
    DEFECTIVE,
    /** No stock effect: not sent back (a goodwill refund) or never shipped. */
    NONE;

    /** Whether the goods come back into the warehouse, so they must have left it. */
    public boolean returnsGoods() {
        return this != NONE;
    }
}
