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
        Instant expiresAt) {}
