package dev.kontor.catalog;

import java.time.Instant;

/** One entry of the stock ledger: what changed, by how much, why, who, and for which order. */
public record Movement(
        long id,
        long variantId,
        String location,
        MovementKind kind,
        int onHandDelta,
        int reservedDelta,
        int backorderedDelta,
        int defectiveDelta,
        String reason,
        String reference,
        Long orderId,
        String orderLabel,
        String actorName,
        Instant occurredAt) {}
