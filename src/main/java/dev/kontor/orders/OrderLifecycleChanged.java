package dev.kontor.orders;

/** An order moved along its lifecycle, e.g. from new to approved. */
public record OrderLifecycleChanged(
        long orderId, String number, OrderAction action, LifecycleStatus from, LifecycleStatus to) {}
