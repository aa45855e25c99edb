package dev.kontor.access;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

import static dev.kontor.access.Permission.APPROVAL_DECIDE;
import static dev.kontor.access.Permission.AUDIT_READ;
import static dev.kontor.access.Permission.CUSTOMER_BLACKLIST;
import static dev.kontor.access.Permission.CUSTOMER_UNBLACKLIST;
import static dev.kontor.access.Permission.ORDER_APPROVE;
import static dev.kontor.access.Permission.ORDER_CANCEL;
import static dev.kontor.access.Permission.ORDER_COMPLETE;
import static dev.kontor.access.Permission.ORDER_CREATE;
import static dev.kontor.access.Permission.ORDER_DELETE;
import static dev.kontor.access.Permission.ORDER_EDIT;
import static dev.kontor.access.Permission.ORDER_HOLD;
import static dev.kontor.access.Permission.ORDER_NOTE;
import static dev.kontor.access.Permission.ORDER_RELEASE;
import static dev.kontor.access.Permission.ORDER_SUBMIT;
import static dev.kontor.access.Permission.PAYMENT_RECORD;
import static dev.kontor.access.Permission.PURCHASING_VIEW;
import static dev.kontor.access.Permission.REFUND_RECORD;
import static dev.kontor.access.Permission.SHIPMENT_RECORD;
import static dev.kontor.access.Permission.USERS_MANAGE;
import static dev.kontor.access.Role.ADMIN;
import static dev.kontor.access.Role.CUSTOMER_SERVICE;
import static dev.kontor.access.Role.FINANCE;
import static dev.kontor.access.Role.PURCHASING;
import static dev.kontor.access.Role.SALES;
import static dev.kontor.access.Role.SUPERVISOR;
import static dev.kontor.access.Role.WAREHOUSE;

/**
 * Who may do what, where and when: the one table every module's service consults, so the UI, the API,
 * imports and background jobs obey the same rules. Plain Java, no Spring; {@code AccessPolicyTest} walks it.
 *
 * <p>Each permission lists grants: a role, the conditions under which the grant applies, and whether it
 * allows outright or only with a supervisor's approval. A user holding several roles gets the best verdict
 * of them all. The lifecycle rules ({@code LifecycleRules}) still apply on top: the policy says who, they
 * say when.
 */
public final class AccessPolicy {

    /** A condition on the user and the situation. */
    private record Condition(String name, BiPredicate<Actor, Situation> test) {}

    /** One row: a role may, under these conditions, act, or ask for approval giving this reason. */
    private record Grant(Role role, List<Condition> conditions, String approvalReason) {
        boolean applies(Actor actor, Situation situation) {
            return actor.has(role) && conditions.stream().allMatch(c -> c.test().test(actor, situation));
        }
    }

    private static final Condition OWN_ORDER = new Condition("own order", (a, s) -> s.isResponsible(a));
    private static final Condition NOTHING_RECEIVED =
            new Condition("no money received, nothing shipped", (a, s) -> !s.moneyReceived() && !s.goodsShipped());
    private static final Condition NOT_AT_THE_DESK =
            new Condition("not received by the order desk", (a, s) -> !s.deskReceived());
    private static final Condition AT_THE_DESK =
            new Condition("received by the order desk", (a, s) -> s.deskReceived());
    private static final Condition NOT_YET_APPROVED = new Condition(
            "draft or new", (a, s) -> s.state() == null || "DRAFT".equals(s.state()) || "NEW".equals(s.state()));

    private final Map<Permission, List<Grant>> table = new EnumMap<>(Permission.class);
    private final Set<Role> rolesSeeingAllOrders;

    /**
     * @param discountLimitBasisPoints the largest discount sales and customer service give without a
     *                                 supervisor (1000 = 10 %)
     * @param rolesSeeingAllOrders     roles that see every order; the others see the orders they are
     *                                 responsible for or observe
     */
    public AccessPolicy(int discountLimitBasisPoints, Set<Role> rolesSeeingAllOrders) {
        this.rolesSeeingAllOrders = Set.copyOf(rolesSeeingAllOrders);
        Condition withinLimit = new Condition(
                "discount within the limit", (a, s) -> s.discountBasisPoints() <= discountLimitBasisPoints);

        grant(ORDER_CREATE, allow(SALES), allow(CUSTOMER_SERVICE), allow(SUPERVISOR));
        grant(
                ORDER_EDIT,
                allow(SUPERVISOR),
                allow(SALES, OWN_ORDER, NOT_YET_APPROVED, withinLimit),
                allow(CUSTOMER_SERVICE, NOT_YET_APPROVED, withinLimit),
                approval(SALES, "approval.why.discount", OWN_ORDER, NOT_YET_APPROVED),
                approval(CUSTOMER_SERVICE, "approval.why.discount", NOT_YET_APPROVED),
                approval(SALES, "approval.why.amendment", OWN_ORDER),
                approval(CUSTOMER_SERVICE, "approval.why.amendment"));
        grant(
                ORDER_SUBMIT,
                allow(SUPERVISOR),
                allow(SALES, OWN_ORDER, withinLimit),
                allow(CUSTOMER_SERVICE, withinLimit),
                approval(SALES, "approval.why.discount", OWN_ORDER),
                approval(CUSTOMER_SERVICE, "approval.why.discount"));
        grant(ORDER_APPROVE, allow(SUPERVISOR), allow(CUSTOMER_SERVICE), allow(SALES, OWN_ORDER));
        grant(ORDER_HOLD, allow(SUPERVISOR), allow(CUSTOMER_SERVICE), allow(FINANCE), allow(SALES, OWN_ORDER));
        grant(ORDER_RELEASE, allow(SUPERVISOR), allow(CUSTOMER_SERVICE), allow(FINANCE), allow(SALES, OWN_ORDER));
        grant(
                ORDER_CANCEL,
                allow(SUPERVISOR),
                allow(SALES, OWN_ORDER, NOTHING_RECEIVED, NOT_AT_THE_DESK),
                approval(SALES, "approval.why.desk-received", OWN_ORDER, AT_THE_DESK),
                approval(SALES, "approval.why.money-received", OWN_ORDER),
                approval(CUSTOMER_SERVICE, "approval.why.not-responsible"));
        grant(Permission.ORDER_RECEIVE, allow(SUPERVISOR), allow(CUSTOMER_SERVICE));
        grant(ORDER_COMPLETE, allow(SUPERVISOR), allow(CUSTOMER_SERVICE), allow(FINANCE));
        grant(ORDER_DELETE, allow(SUPERVISOR), allow(CUSTOMER_SERVICE), allow(SALES, OWN_ORDER));
        grant(
                ORDER_NOTE,
                allow(SUPERVISOR),
                allow(SALES),
                allow(CUSTOMER_SERVICE),
                allow(FINANCE),
                allow(WAREHOUSE),
                allow(PURCHASING));
        grant(
                Permission.ORDER_TAG,
                allow(SUPERVISOR),
                allow(CUSTOMER_SERVICE),
                allow(FINANCE),
                allow(SALES, OWN_ORDER));
        grant(Permission.ORDER_SERVICE, allow(SUPERVISOR), allow(CUSTOMER_SERVICE));
        grant(PAYMENT_RECORD, allow(FINANCE));
        grant(REFUND_RECORD, allow(FINANCE));
        grant(SHIPMENT_RECORD, allow(WAREHOUSE));
        grant(
                Permission.DOCUMENT_ISSUE,
                allow(SUPERVISOR),
                allow(CUSTOMER_SERVICE),
                allow(FINANCE),
                allow(WAREHOUSE),
                allow(SALES, OWN_ORDER));
        grant(Permission.DOCUMENT_CORRECT, allow(FINANCE), allow(SUPERVISOR));
        grantOutsideOrders();
        for (Permission permission : Permission.values()) {
            if (!table.containsKey(permission)) {
                throw new IllegalStateException("No grant for " + permission + ": every permission needs its row");
            }
        }
    }

    /** The rights that are not about one order: catalog and stock, sales work, customers, administration. */
    private void grantOutsideOrders() {
        grant(Permission.CATALOG_EDIT, allow(PURCHASING), allow(SUPERVISOR));
        grant(Permission.STOCK_RECEIVE, allow(WAREHOUSE), allow(PURCHASING));
        grant(Permission.STOCK_ADJUST, allow(WAREHOUSE), allow(SUPERVISOR));
        grant(Permission.ORDER_STAGE, allow(SUPERVISOR), allow(CUSTOMER_SERVICE), allow(SALES, OWN_ORDER));
        grant(Permission.ACTIVITY_PLAN, allow(SUPERVISOR), allow(SALES), allow(CUSTOMER_SERVICE), allow(FINANCE));
        grant(Permission.CUSTOMER_EDIT, allow(SUPERVISOR), allow(CUSTOMER_SERVICE), allow(SALES), allow(FINANCE));
        grant(CUSTOMER_BLACKLIST, allow(SUPERVISOR), allow(CUSTOMER_SERVICE));
        grant(CUSTOMER_UNBLACKLIST, allow(SUPERVISOR));
        grant(PURCHASING_VIEW, allow(PURCHASING), allow(SUPERVISOR));
        grant(APPROVAL_DECIDE, allow(SUPERVISOR));
        grant(USERS_MANAGE, allow(ADMIN));
        grant(AUDIT_READ, allow(ADMIN));
        grant(Permission.SETTINGS_EDIT, allow(ADMIN));
        grant(Permission.INTEGRATION_MANAGE, allow(ADMIN), allow(SUPERVISOR));
    }

    /** The verdict for this user doing this, in this situation: the best any of their roles gives. */
    public Verdict decide(Actor actor, Permission permission, Situation situation) {
        Verdict best = new Verdict.Denied(permission);
        for (Grant grant : table.get(permission)) {
            if (grant.applies(actor, situation)) {
                if (grant.approvalReason() == null) {
                    return Verdict.ALLOWED;
                }
                if (best instanceof Verdict.Denied) {
                    best = new Verdict.NeedsApproval(permission, grant.approvalReason());
                }
            }
        }
        return best;
    }

    /** Whether the user sees every order, or only those they are responsible for or observe. */
    public boolean seesAllOrders(Actor actor) {
        return actor.isSystem() || actor.roles().stream().anyMatch(rolesSeeingAllOrders::contains);
    }

    /** Whether the user may see an order with this responsible user and these observers. */
    public boolean mayView(Actor actor, Situation situation) {
        return seesAllOrders(actor)
                || situation.isResponsible(actor)
                || (actor.userId() != null && situation.observerIds().contains(actor.userId()));
    }

    private void grant(Permission permission, Grant... grants) {
        table.put(permission, List.of(grants));
    }

    private static Grant allow(Role role, Condition... conditions) {
        return new Grant(role, List.of(conditions), null);
    }

    private static Grant approval(Role role, String reason, Condition... conditions) {
        return new Grant(role, List.of(conditions), reason);
    }
}
