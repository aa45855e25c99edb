package dev.kontor.orders;

import java.time.Instant;

/** A note left on an order, for the people its kind names. */
public record OrderNote(long id, long orderId, NoteKind kind, String body, String authorName, Instant createdAt) {}
