package dev.kontor.orders;

import dev.kontor.access.ApprovalRequest;

/**
 * What came of a command on an order: done, or waiting for a supervisor's approval (then {@code order} is
 * the order as it still is and {@code approval} the request filed).
 */
public record ActionOutcome(Order order, ApprovalRequest approval) {

    public static ActionOutcome done(Order order) {
        return new ActionOutcome(order, null);
    }

    public boolean isPendingApproval() {
        return approval != null;
    }
}
