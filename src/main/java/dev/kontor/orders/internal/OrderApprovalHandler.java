package dev.kontor.orders.internal;

import dev.kontor.access.Actor;
import dev.kontor.access.ApprovalHandler;
import dev.kontor.access.ApprovalRequest;
import dev.kontor.orders.Orders;
import org.springframework.stereotype.Component;

/** Carries out approved order actions (a void, a submission, an amendment) through {@link Orders}. */
@Component
class OrderApprovalHandler implements ApprovalHandler {

    private final Orders orders;

    OrderApprovalHandler(Orders orders) {
        this.orders = orders;
    }

    @Override
    public boolean handles(String action) {
        return action.startsWith(Orders.SUBJECT + ".");
    }

    @Override
    public void carryOut(ApprovalRequest request, Actor approver) {
        orders.carryOutApproved(request, approver);
    }
}
