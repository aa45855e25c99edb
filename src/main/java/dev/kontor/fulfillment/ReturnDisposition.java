package dev.kontor.fulfillment;

/** What becomes of units a customer sent back. */
public enum ReturnDisposition {
    /** Sellable: back on hand. */
    RESTOCK,
    /** Broken: counted as defective, not sellable. */
    DEFECTIVE,
    /** Thrown away: no stock effect (they left the books when they shipped). */
    SCRAP
}
