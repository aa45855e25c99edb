package dev.kontor.orders;

import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.ApprovalHandler;
import dev.kontor.access.ApprovalRequest;
import dev.kontor.access.Users;
import dev.kontor.shared.StaleVersionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out an order action a supervisor approved (a void, a submission, an amendment), as the requester asked
 * it, against the order as it is now: the lifecycle rules still apply, and an amendment is refused if the order
 * changed since it was asked for.
 */
@Component
class OrderApprovalHandler implements ApprovalHandler {

    private final OrderChanges changes;
    private final OrderEditing editing;
    private final OrderLifecycle lifecycle;
    private final Users users;

    OrderApprovalHandler(OrderChanges changes, OrderEditing editing, OrderLifecycle lifecycle, Users users) {
        this.changes = changes;
        this.editing = editing;
        this.lifecycle = lifecycle;
        this.users = users;
    }

    @Override
    public boolean handles(String action) {
        return action.startsWith(Orders.SUBJECT + ".");
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void carryOut(ApprovalRequest request, Actor approver) {
        Actor requester = request.requestedById() == null
                ? Actor.system("approval")
                : users.byId(request.requestedById()).asActor();
        Order order = changes.lock(request.subjectId());
        Map<String, String> approvedBy = Map.of("approvedBy", approver.displayName());
        if (request.action().equals("order.edit")) {
            if (request.subjectVersion() != null && order.version() != request.subjectVersion()) {
                throw new StaleVersionException("order", order.id(), order.version(), order.updatedBy());
            }
            editing.applyApproved(requester, order, request.payload().get("input"), approvedBy);
            return;
        }
        OrderAction action = OrderAction.fromKey(request.payload().get("action"))
                .orElseThrow(() -> new IllegalStateException("Unknown approved action " + request.action()));
        lifecycle.apply(requester, order, action, request.reason(), approvedBy);
    }
}
