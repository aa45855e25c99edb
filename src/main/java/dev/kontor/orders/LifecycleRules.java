package dev.kontor.orders;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static dev.kontor.orders.LifecycleStatus.APPROVED;
import static dev.kontor.orders.LifecycleStatus.CANCELLED;
import static dev.kontor.orders.LifecycleStatus.COMPLETED;
import static dev.kontor.orders.LifecycleStatus.DELETED;
import static dev.kontor.orders.LifecycleStatus.DRAFT;
import static dev.kontor.orders.LifecycleStatus.NEW;
import static dev.kontor.orders.LifecycleStatus.ON_HOLD;

/**
 * The order's lifecycle in one table: for each action, the states it starts from, where it leads, and
 * what it requires. The Alibaba CRM's rules are here: only a draft is deleted; an order is voided only
 * while no money is kept and nothing has shipped (a paid order is refunded first; a shipped one is never
 * voided). Who may take each action is the access module's concern.
 */
public final class LifecycleRules {

    /** A requirement of an action: the facts must pass the test, or the action is refused for the reason. */
    private record Requirement(Predicate<OrderFacts> test, String reason) {}

    /** One row of the table. A {@code null} target means "back to where it was held from". */
    private record Move(Set<LifecycleStatus> from, LifecycleStatus to, List<Requirement> requires) {}

    private static final Requirement HAS_LINES = new Requirement(OrderFacts::hasLines, "order.refused.no-lines");
    private static final Requirement HAS_ADDRESS =
            new Requirement(OrderFacts::hasShippingAddress, "order.refused.no-shipping-address");
    private static final Requirement NOTHING_SHIPPED =
            new Requirement(f -> !f.anythingShipped(), "order.refused.shipped");
    private static final Requirement NO_MONEY_KEPT =
            new Requirement(f -> f.moneyKept() == 0, "order.refused.paid-refund-first");
    private static final Requirement NO_PAYMENT_PENDING =
            new Requirement(f -> f.pending() == 0, "order.refused.payment-pending");
    private static final Requirement NO_PAYMENT_AT_ALL =
            new Requirement(f -> f.paid() == 0 && f.pending() == 0, "order.refused.draft-has-payment");
    private static final Requirement FULLY_SHIPPED =
            new Requirement(f -> f.fulfilment().isFullyShipped(), "order.refused.not-shipped");
    private static final Requirement SETTLED = new Requirement(
            f -> f.payment() == PaymentStatus.PAID
                    || f.payment() == PaymentStatus.PARTIALLY_REFUNDED
                    || f.payment() == PaymentStatus.REFUNDED,
            "order.refused.not-paid");

    private static final Map<OrderAction, Move> TABLE = new EnumMap<>(Map.of(
            OrderAction.SUBMIT, new Move(Set.of(DRAFT), NEW, List.of(HAS_LINES, HAS_ADDRESS)),
            OrderAction.APPROVE, new Move(Set.of(NEW), APPROVED, List.of(HAS_LINES, HAS_ADDRESS)),
            OrderAction.HOLD, new Move(Set.of(NEW, APPROVED), ON_HOLD, List.of()),
            OrderAction.RELEASE, new Move(Set.of(ON_HOLD), null, List.of()),
            OrderAction.CANCEL,
                    new Move(
                            Set.of(NEW, APPROVED, ON_HOLD),
                            CANCELLED,
                            List.of(NOTHING_SHIPPED, NO_MONEY_KEPT, NO_PAYMENT_PENDING)),
            OrderAction.COMPLETE, new Move(Set.of(APPROVED), COMPLETED, List.of(FULLY_SHIPPED, SETTLED)),
            OrderAction.DELETE, new Move(Set.of(DRAFT), DELETED, List.of(NO_PAYMENT_AT_ALL))));

    private LifecycleRules() {}

    /** Whether the action may be taken on an order with these facts, and where it leads. */
    public static Decision decide(OrderAction action, OrderFacts facts) {
        Move move = TABLE.get(action);
        if (!move.from().contains(facts.lifecycle())) {
            return new Decision.Refused("order.refused.not-in-state", List.of(action, facts.lifecycle()));
        }
        for (Requirement requirement : move.requires()) {
            if (!requirement.test().test(facts)) {
                return new Decision.Refused(requirement.reason(), List.of());
            }
        }
        return new Decision.Allowed(move.to() == null ? facts.heldFrom() : move.to());
    }

    /**
     * The shortest series of actions that leads an order from one state to another by this table (a sales stage
     * that belongs to another state moves the order through them, each checked as if a user took it), or nothing
     * when the table offers no way. A release leads back only to where the order was held from; a deleted draft goes
     * nowhere.
     */
    public static List<OrderAction> path(LifecycleStatus from, LifecycleStatus to, LifecycleStatus heldFrom) {
        Map<LifecycleStatus, List<OrderAction>> reached = new EnumMap<>(LifecycleStatus.class);
        reached.put(from, List.of());
        ArrayDeque<LifecycleStatus> next = new ArrayDeque<>(List.of(from));
        while (!next.isEmpty() && !reached.containsKey(to)) {
            LifecycleStatus at = next.poll();
            for (Map.Entry<OrderAction, Move> row : TABLE.entrySet()) {
                LifecycleStatus target = row.getValue().to() == null
                        ? (at == from ? heldFrom : null) // where a release leads is known only for the first step
                        : row.getValue().to();
                if (target != null && row.getValue().from().contains(at) && !reached.containsKey(target)) {
                    List<OrderAction> way = new ArrayList<>(reached.get(at));
                    way.add(row.getKey());
                    reached.put(target, List.copyOf(way));
                    next.add(target);
                }
            }
        }
        return reached.getOrDefault(to, List.of());
    }

    /** The states an action can start from, for documentation and the UI. */
    public static Set<LifecycleStatus> startingStates(OrderAction action) {
        return TABLE.get(action).from();
    }
}
