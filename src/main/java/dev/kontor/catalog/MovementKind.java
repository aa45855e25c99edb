package dev.kontor.catalog;

/** Why stock changed. Every change is one movement in the ledger. */
public enum MovementKind {
    /** Goods came in (on hand up). */
    RECEIPT,
    /** A count corrected, with a reason (on hand up or down). */
    ADJUSTMENT,
    /** An order set units aside (reserved up; a backorder filled moves units from backordered to reserved). */
    RESERVATION,
    /** An order let go of units (reserved or backordered down). */
    RELEASE,
    /** An order was promised units without stock (backordered up). */
    BACKORDER,
    /** Units left with an order (on hand and reserved down). */
    SHIPMENT,
    /** Units found broken (on hand down, defective up). */
    DEFECTIVE,
    /** Units came back from a customer. */
    RETURN
}
