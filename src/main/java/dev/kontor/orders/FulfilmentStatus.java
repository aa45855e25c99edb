package dev.kontor.orders;

import java.util.List;

/** How much of the order has left the warehouse, derived from shipment records; never set by hand. */
public enum FulfilmentStatus {
    /** Nothing shipped yet. */
    UNFULFILLED,
    /** Some lines or units shipped, others still to ship. */
    PARTIALLY_SHIPPED,
    /** Every unit shipped. */
    SHIPPED;

    public static FulfilmentStatus derive(List<OrderLine> lines) {
        int ordered = lines.stream().mapToInt(OrderLine::quantity).sum();
        int shipped = lines.stream().mapToInt(OrderLine::shippedQuantity).sum();
        if (shipped == 0) {
            return UNFULFILLED;
        }
        return shipped >= ordered ? SHIPPED : PARTIALLY_SHIPPED;
    }
}
