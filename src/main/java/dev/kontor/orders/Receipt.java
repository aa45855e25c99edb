package dev.kontor.orders;

import java.time.Instant;

/** The order desk's "received" (已接收): who marked the order received, and when. */
public record Receipt(String by, Instant at) {}
