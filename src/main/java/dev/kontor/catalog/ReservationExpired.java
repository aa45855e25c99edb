package dev.kontor.catalog;

/** A draft's time-limited hold ran out and its units went back to stock. Published in the releasing transaction. */
public record ReservationExpired(long orderId, String orderLabel, String sku, int quantity) {}
