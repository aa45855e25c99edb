package dev.kontor.orders;

import dev.kontor.access.ApprovalRequest;

/**
 * The result of placing an order: the order, whether it is new or was there already (the same marketplace order
 * placed again), and the approval request when its discount needs a supervisor (the order then waits as a draft).
 */
public record PlacedOrder(Order order, boolean created, ApprovalRequest approval) {}
