package dev.kontor.imports;

/** What committing did with a staged order. */
public enum ImportOutcome {
    /** Placed as a new order, with what its marketplace said about payment, shipment and closing. */
    IMPORTED,
    /** Kontor had the order already (same channel and marketplace order id): nothing was created. */
    UNCHANGED
}
