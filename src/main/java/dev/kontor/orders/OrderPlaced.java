package dev.kontor.orders;

/** A new order (or draft) was created. Published in the creating transaction, delivered after it commits. */
public record OrderPlaced(long orderId, String number, String channel, LifecycleStatus lifecycle) {}
