package dev.kontor.catalog;

import java.time.Instant;

/**
 * What an order line holds of a variant: units reserved, units backordered, and until when (a draft's hold).
 */
public record Holding(
        long orderLineId,
        long orderId,
        String orderLabel,
        long variantId,
        String sku,
        String location,
        int reserved,
        int backordered,
        Instant expiresAt) {

    /** The same holding with other figures. */
    public Holding withUnits(int newReserved, int newBackordered) {
        return new Holding(
                orderLineId, orderId, orderLabel, variantId, sku, location, newReserved, newBackordered, expiresAt);
    }

    /** The same units, held for another order's line. */
    public Holding movedTo(long lineId, OrderRef order, int newReserved, int newBackordered) {
        return new Holding(
                lineId, order.id(), order.label(), variantId, sku, location, newReserved, newBackordered, expiresAt);
    }
}
