package dev.kontor.aftersales;

import dev.kontor.access.Actor;
import dev.kontor.access.ApprovalHandler;
import dev.kontor.access.ApprovalRequest;
import dev.kontor.access.Users;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Carries out a rebate or a price change a supervisor approved, as its requester asked it. */
@Component
class AfterSalesApprovals implements ApprovalHandler {

    private final AfterSales afterSales;
    private final Users users;

    AfterSalesApprovals(AfterSales afterSales, Users users) {
        this.afterSales = afterSales;
        this.users = users;
    }

    @Override
    public boolean handles(String action) {
        return AfterSales.REBATE.equals(action) || AfterSales.PRICE.equals(action);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void carryOut(ApprovalRequest request, Actor approver) {
        Actor requester = request.requestedById() == null
                ? Actor.system("approval")
                : users.byId(request.requestedById()).asActor();
        afterSales.carryOutApproved(requester, request, approver);
    }
}
