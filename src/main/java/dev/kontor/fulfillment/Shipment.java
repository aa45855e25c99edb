package dev.kontor.fulfillment;

import java.time.Instant;
import java.util.Map;

/**
 * A parcel that left the warehouse.
 *
 * @param quantities units shipped, by order line id
 */
public record Shipment(
        long id,
        long orderId,
        String carrier,
        String trackingNumber,
        Instant shippedAt,
        Map<Long, Integer> quantities,
        String recordedBy) {}
