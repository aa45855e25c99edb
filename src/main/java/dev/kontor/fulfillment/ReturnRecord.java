package dev.kontor.fulfillment;

import java.time.Instant;
import java.util.Map;

/** A return as the warehouse received it: which units came back, and what became of them. */
public record ReturnRecord(
        long id,
        String reason,
        Map<Long, Integer> quantities,
        Map<Long, ReturnDisposition> dispositions,
        String receivedBy,
        Instant receivedAt) {}
