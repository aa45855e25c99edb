package dev.kontor.access;

import dev.kontor.shared.PermissionDeniedException;
import org.springframework.stereotype.Service;

/**
 * The access policy as the services use it: ask for a verdict, or require permission (a refusal is
 * recorded in the audit log and thrown as {@link PermissionDeniedException}).
 */
@Service
public class Permissions {

    private final AccessPolicy policy;
    private final AuditLog audit;

    Permissions(AccessSettings settings, AuditLog audit) {
        this.policy = new AccessPolicy(settings.discountLimitBasisPoints(), settings.rolesSeeingAllOrders());
        this.audit = audit;
    }

    public Verdict check(Actor actor, Permission permission, Situation situation) {
        return policy.decide(actor, permission, situation);
    }

    /** The verdict, with a refusal recorded and thrown; callers handle {@link Verdict.NeedsApproval}. */
    public Verdict require(Actor actor, Permission permission, Situation situation) {
        Verdict verdict = check(actor, permission, situation);
        if (verdict instanceof Verdict.Denied) {
            throw denied(actor, permission, "");
        }
        return verdict;
    }

    /** Requires an outright permission: approval is no way out here (e.g. recording a payment). */
    public void requireAllowed(Actor actor, Permission permission, Situation situation) {
        if (!check(actor, permission, situation).isAllowed()) {
            throw denied(actor, permission, "");
        }
    }

    /** Records and returns a refusal; {@code what} names the subject for the audit log, e.g. an order number. */
    public PermissionDeniedException denied(Actor actor, Permission permission, String what) {
        audit.record(
                actor.username(), AuditEvent.PERMISSION_DENIED, permission.name() + (what.isEmpty() ? "" : " " + what));
        return new PermissionDeniedException(permission.name());
    }

    public boolean seesAllOrders(Actor actor) {
        return policy.seesAllOrders(actor);
    }

    public boolean mayView(Actor actor, Situation situation) {
        return policy.mayView(actor, situation);
    }
}
