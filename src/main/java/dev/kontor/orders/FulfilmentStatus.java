package dev.kontor.orders;

import java.util.List;

/**
 * Where the order's goods are, derived from shipments, deliveries and returns; never set by hand. Returns and
 * delivery show once everything has shipped (before that, what is still to ship matters most to the warehouse;
 * the lines show what came back).
 */
public enum FulfilmentStatus {
    /** Nothing shipped yet. */
    UNFULFILLED,
    /** Some lines or units shipped, others still to ship. */
    PARTIALLY_SHIPPED,
    /** Every unit shipped. */
    SHIPPED,
    /** Every unit shipped and the carrier delivered. */
    DELIVERED,
    /** Everything shipped; some units came back. */
    PARTIALLY_RETURNED,
    /** Everything shipped came back. */
    RETURNED;

    public static FulfilmentStatus derive(List<OrderLine> lines, boolean delivered) {
        int ordered = lines.stream().mapToInt(OrderLine::quantity).sum();
        int shipped = lines.stream().mapToInt(OrderLine::shippedQuantity).sum();
        int returned = lines.stream().mapToInt(OrderLine::returnedQuantity).sum();
        if (shipped == 0) {
            return UNFULFILLED;
        }
        if (shipped < ordered) {
            return PARTIALLY_SHIPPED;
        }
        if (returned > 0) {
            return returned >= shipped ? RETURNED : PARTIALLY_RETURNED;
        }
        return delivered ? DELIVERED : SHIPPED;
    }

    public static FulfilmentStatus derive(List<OrderLine> lines) {
        return derive(lines, false);
    }

    /** Every unit has left the warehouse (whatever happened after). */
    public boolean isFullyShipped() {
        return this == SHIPPED || this == DELIVERED || this == PARTIALLY_RETURNED || this == RETURNED;
    }
}
