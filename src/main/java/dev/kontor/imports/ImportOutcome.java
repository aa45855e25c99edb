package dev.kontor.imports;

/** What committing did with a staged order. */
public enum ImportOutcome {
    /** Placed as a new order, with what its marketplace said about payment, shipment and closing. */
    IMPORTED,
    /** Kontor had the order; the file said more (paid now, shipped now, closed) and that was recorded. */
    UPDATED,
    /** Kontor had the order as the file says it: nothing was created or changed. */
    UNCHANGED,
    /**
     * Kontor had the order and the file says what Kontor contradicts (closed on the marketplace, shipped in
     * Kontor): not applied, listed for a person to decide.
     */
    CONFLICT
}
