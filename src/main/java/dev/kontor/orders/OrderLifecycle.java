package dev.kontor.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Verdict;
import dev.kontor.catalog.Need;
import dev.kontor.catalog.OrderRef;
import dev.kontor.catalog.Reservations;
import dev.kontor.orders.internal.NumberSeries;
import dev.kontor.orders.internal.OrderBatches;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.timeline.Timeline;
import dev.kontor.timeline.TimelineEntry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lifecycle actions (submit, approve, hold, release, cancel, complete, delete): the access policy says who, the
 * {@link LifecycleRules} say when. Each is one transaction that locks the order at the version the user saw, moves
 * it, keeps its stock in step, writes its timeline entry and announces it ({@link OrderLifecycleChanged}); an action
 * the policy allows only with approval is asked for instead. Other modules' {@link OrderGuard}s are asked after the
 * rules (the signed order document that must have arrived before approval, and must be cancelled before a void).
 */
@Service
public class OrderLifecycle {

    private final OrderBatches batches;
    private final NumberSeries numbers;
    private final OrderChanges changes;
    private final OrderStock stock;
    private final Permissions permissions;
    private final Reservations reservations;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final List<OrderGuard> guards;

    OrderLifecycle(
            OrderBatches batches,
            NumberSeries numbers,
            OrderChanges changes,
            OrderStock stock,
            Permissions permissions,
            Reservations reservations,
            Timeline timeline,
            ApplicationEventPublisher events,
            Clock clock,
            List<OrderGuard> guards) {
        this.guards = List.copyOf(guards);
        this.batches = batches;
        this.numbers = numbers;
        this.changes = changes;
        this.stock = stock;
        this.permissions = permissions;
        this.reservations = reservations;
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
    }

    /** Takes a lifecycle action, or asks for it. A hold needs a reason. */
    @Transactional
    public ActionOutcome act(Actor actor, long id, Integer expectedVersion, OrderAction action, String reason) {
        String why = action == OrderAction.HOLD ? OrderChanges.requireReason(reason) : OrderChanges.limitReason(reason);
        Order order = changes.lockAt(actor, id, expectedVersion);
        Verdict verdict = permissions.require(
                actor,
                permissionFor(action),
                OrderChanges.situation(order, Order.discountBasisPoints(order.content())));
        if (verdict instanceof Verdict.NeedsApproval needed) {
            if (LifecycleRules.decide(action, order.facts()) instanceof Decision.Refused refused) {
                throw new ActionRefusedException(
                        action.key(),
                        order.lifecycle().name(),
                        refused.reason(),
                        refused.args().toArray());
            }
            requireGuards(order, action);
            return new ActionOutcome(
                    order,
                    changes.ask(
                            actor,
                            order,
                            "order." + action.key(),
                            Map.of("action", action.key()),
                            order.version(),
                            needed.why(),
                            why));
        }
        return ActionOutcome.done(apply(actor, order, action, why, Map.of()));
    }

    /**
     * Approves many orders in the caller's transaction as {@link #act} approves one (same permission, same rule,
     * same timeline entry and stock commitment for each), but in a few statements for all of them: they are
     * locked in id order, their rows and timeline entries written in one statement each, their stock committed
     * together ({@link Reservations#commitAll}), and one {@link OrderLifecycleChanges} says what moved. Answers the ids it approved. An order it cannot simply approve (not
     * visible to the actor, refused by its state, approval needed, permission denied) is passed over untouched, for
     * the caller to take through {@link #act}, which says why. If any commitment is refused the whole batch fails
     * with the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<Long> approveAll(Actor actor, Collection<Long> ids) {
        return approveHeld(actor, batches.lockAll(ids));
    }

    /**
     * {@link #approveAll} for orders the caller's transaction already holds as given (locked, or placed in it, as a
     * marketplace import places them): nothing read again. Each is written only if still at its version, otherwise
     * the call fails with the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<Long> approveHeld(Actor actor, List<Order> held) {
        Set<Long> approved = new LinkedHashSet<>();
        approveTogether(actor, held).forEach(order -> approved.add(order.id()));
        return approved;
    }

    /**
     * {@link #approveAll} of orders each asked for at a version (null: whichever): those still at theirs that it
     * may simply approve are approved together, and answered as written, by id; the rest are left untouched for
     * {@link #act}, which says why ({@link GroupCommit}'s approvals).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<Long, Order> approveAt(Actor actor, Map<Long, Integer> versions) {
        List<Order> held = batches.lockAll(versions.keySet()).stream()
                .filter(order -> versions.get(order.id()) == null || versions.get(order.id()) == order.version())
                .toList();
        Map<Long, Order> approved = new HashMap<>();
        approveTogether(actor, held).forEach(order -> approved.put(order.id(), order));
        return approved;
    }

    /** {@link #approveHeld}: answers the orders it approved, as written. */
    private List<Order> approveTogether(Actor actor, List<Order> held) {
        Instant now = clock.instant();
        List<Order> befores = new ArrayList<>();
        List<Order> afters = new ArrayList<>();
        List<OrderGuard> asking = guards.stream() // a guard the admins switched off is not asked per order
                .filter(g -> g.active(OrderAction.APPROVE))
                .toList();
        for (Order order : held) {
            if (!simplyApprovable(actor, order, asking)) {
                continue;
            }
            Order before = order.copy();
            order.apply(OrderAction.APPROVE, null, () -> {
                throw new IllegalStateException("Approval does not number an order");
            });
            order.touchedBy(actor.displayName(), now);
            befores.add(before);
            afters.add(order);
        }
        List<Order> saved = batches.updateStates(befores, afters);
        var names = changes.userNames(befores);
        List<TimelineEntry> entries = new ArrayList<>();
        Map<OrderRef, List<Need>> commitments = new LinkedHashMap<>();
        for (int i = 0; i < saved.size(); i++) {
            Order order = saved.get(i);
            entries.add(new TimelineEntry(
                    null,
                    Orders.SUBJECT,
                    order.id(),
                    now,
                    actor.userId(),
                    actor.displayName(),
                    "order." + OrderAction.APPROVE.key(),
                    OrderDiff.between(befores.get(i), order, names),
                    null,
                    new LinkedHashMap<>()));
            commitments.put(OrderStock.ref(order), OrderStock.needs(order));
        }
        timeline.recordAll(entries);
        reservations.commitAll(actor, commitments);
        List<OrderLifecycleChanged> changed = new ArrayList<>();
        for (int i = 0; i < saved.size(); i++) {
            Order order = saved.get(i);
            changed.add(new OrderLifecycleChanged(
                    order.id(),
                    order.number(),
                    OrderAction.APPROVE,
                    befores.get(i).lifecycle(),
                    order.lifecycle()));
        }
        if (!changed.isEmpty()) {
            events.publishEvent(new OrderLifecycleChanges(changed));
        }
        return saved;
    }

    /**
     * Approves in memory a new order about to be written — placed and approved in one write, as an import's review
     * rules approve at commit — when {@link #approveAll} would simply approve it. Only while no guard could refuse
     * ({@link #guarded}, asked once by the caller: a guard asks about a stored order). Answers whether it did; the
     * caller writes the order, its stock commitment, the timeline entry and the event.
     */
    boolean approveBeforeWriting(Actor actor, Order order, Instant now) {
        if (!simplyApprovable(actor, order, List.of())) {
            return false;
        }
        order.apply(OrderAction.APPROVE, null, () -> {
            throw new IllegalStateException("Approval does not number an order");
        });
        order.touchedBy(actor.displayName(), now);
        return true;
    }

    /**
     * Which of these new orders, holding nothing yet, could not commit their stock if approved now — an item not
     * backordered without its units, the orders before served first: their ids, for a caller that would rather leave
     * them for review than have the approval refused (an import's review rules). The stock rows stay locked until the
     * caller's transaction ends, so the others can be approved in it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<Long> stockShort(List<Order> orders) {
        Set<Integer> at = stock.shortOf(orders);
        Set<Long> ids = new LinkedHashSet<>();
        at.forEach(i -> ids.add(orders.get(i).id()));
        return ids;
    }

    /** Whether another module's guard could refuse this action on some order now. */
    boolean guarded(OrderAction action) {
        return guards.stream().anyMatch(g -> g.active(action));
    }

    private boolean simplyApprovable(Actor actor, Order order, List<OrderGuard> guards) {
        return permissions.mayView(actor, OrderChanges.situation(order, 0))
                && permissions
                        .check(
                                actor,
                                Permission.ORDER_APPROVE,
                                OrderChanges.situation(order, Order.discountBasisPoints(order.content())))
                        .isAllowed()
                && LifecycleRules.decide(OrderAction.APPROVE, order.facts()) instanceof Decision.Allowed allowed
                && allowed.target() == LifecycleStatus.APPROVED
                && guards.stream()
                        .allMatch(g -> g.check(order, OrderAction.APPROVE).isEmpty());
    }

    /** The other modules' guards on the action (after the lifecycle rules allowed it). */
    private void requireGuards(Order order, OrderAction action) {
        for (OrderGuard guard : guards) {
            guard.check(order, action).ifPresent(refusal -> {
                throw new ActionRefusedException(
                        action.key(),
                        order.lifecycle().name(),
                        refusal.reason(),
                        refusal.args().toArray());
            });
        }
    }

    /**
     * Moves a locked order: the rules decide, a submitted draft gets its channel's number, the stock follows (not for
     * a hold, a release or completing), the timeline and an {@link OrderLifecycleChanged} say so.
     */
    Order apply(Actor actor, Order order, OrderAction action, String reason, Map<String, String> details) {
        if (LifecycleRules.decide(action, order.facts()) instanceof Decision.Allowed) {
            requireGuards(order, action); // a move the rules refuse is refused by order.apply with their reason
        }
        Order before = order.copy();
        order.apply(action, reason, () -> numbers.next(order.channel()));
        Order saved = changes.save(actor, before, order, "order." + action.key(), reason, details);
        if (action != OrderAction.HOLD && action != OrderAction.RELEASE && action != OrderAction.COMPLETE) {
            stock.sync(actor, saved);
        }
        events.publishEvent(
                new OrderLifecycleChanged(saved.id(), saved.number(), action, before.lifecycle(), saved.lifecycle()));
        return saved;
    }

    /** The permission a lifecycle action needs. */
    public static Permission permissionFor(OrderAction action) {
        return switch (action) {
            case SUBMIT -> Permission.ORDER_SUBMIT;
            case APPROVE -> Permission.ORDER_APPROVE;
            case HOLD -> Permission.ORDER_HOLD;
            case RELEASE -> Permission.ORDER_RELEASE;
            case CANCEL -> Permission.ORDER_CANCEL;
            case COMPLETE -> Permission.ORDER_COMPLETE;
            case DELETE -> Permission.ORDER_DELETE;
        };
    }
}
