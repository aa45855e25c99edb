package dev.kontor.orders;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.orders.internal.OrderLineage;
import dev.kontor.orders.internal.OrderRepository;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.timeline.Change;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The primitives customer service's after-sales verbs are made of (the {@code aftersales} module: exchange, gift,
 * rebate, price change, re-ship, split), each inside the verb's transaction and each keeping the order's rules: the
 * lifecycle's edit rule, the timeline entry with before and after, the stock in step, the events.
 */
@Service
public class OrderRevisions {

    private final OrderRepository orders;
    private final OrderLineage lineage;
    private final OrderChanges changes;
    private final OrderStock stock;
    private final OrderLifecycle lifecycle;
    private final ApplicationEventPublisher events;

    OrderRevisions(
            OrderRepository orders,
            OrderLineage lineage,
            OrderChanges changes,
            OrderStock stock,
            OrderLifecycle lifecycle,
            ApplicationEventPublisher events) {
        this.orders = orders;
        this.lineage = lineage;
        this.changes = changes;
        this.stock = stock;
        this.lifecycle = lifecycle;
        this.events = events;
    }

    /**
     * Locks the order for an after-sales change: the actor sees it, it is at the version they saw (when given) and
     * the policy allows them customer service's verbs ({@link Permission#ORDER_SERVICE}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Order lockForService(Actor actor, long id, Integer expectedVersion) {
        return changes.lockAllowed(actor, id, expectedVersion, Permission.ORDER_SERVICE);
    }

    /**
     * Replaces a locked order's content: refused by the lifecycle once shipped or closed; the timeline says what
     * ({@code action}), why and with which details; the stock follows the new lines.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Order revise(
            Actor actor, Order order, OrderContent content, String action, String why, Map<String, String> details) {
        Order before = order.copy();
        order.edit(content);
        Order saved = changes.save(actor, before, order, action, why, details);
        stock.sync(actor, saved);
        return saved;
    }

    /**
     * A new order made from a locked one (a re-shipment, a split), awaiting review and holding no stock yet: numbered
     * with the first free number {@code numbering} gives for 1, 2, …, linked to its parent as {@code relation}, in
     * the parent's channel; its timeline starts with {@code action}, the reason and the parent's number. Finish it
     * with {@link #establish}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Order derive(
            Actor actor,
            Order parent,
            OrderContent content,
            String relation,
            IntFunction<String> numbering,
            Instant placedAt,
            Instant now,
            String action,
            String why) {
        String number = lineage.firstFreeNumber(numbering);
        Order child = orders.insert(Order.place(
                number, parent.channel(), null, content, LifecycleStatus.NEW, placedAt, now, actor.displayName()));
        lineage.link(child.id(), parent.id(), relation);
        changes.record(actor, child, action, List.of(), why, Map.of("parent", parent.number()));
        return child;
    }

    /**
     * Finishes a derived order: approves it (its stock committed, the timeline naming its parent) or lets it hold
     * stock as an order awaiting review does, and announces it ({@link OrderPlaced}). Answers it as it is now.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Order establish(Actor actor, Order child, boolean approve, String parentNumber) {
        Order result = child;
        if (approve) {
            result = lifecycle.apply(
                    actor, changes.lock(child.id()), OrderAction.APPROVE, null, Map.of("parent", parentNumber));
        } else {
            stock.sync(actor, child);
        }
        events.publishEvent(new OrderPlaced(result.id(), result.number(), result.channel(), result.lifecycle()));
        return orders.findById(child.id()).orElseThrow();
    }

    /** Writes an entry into an order's timeline that changes nothing on it (the parent of a re-shipment). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void remark(Actor actor, Order order, String action, String why, Map<String, String> details) {
        changes.record(actor, order, action, List.of(), why, details);
    }

    /**
     * Plans another carrier for a locked order, when the customer asks for one (seed 001: "快递方式：可以修改成申通、
     * 圆通、顺丰"): not once anything has shipped or the order is closed. The timeline says from which to which (the
     * carriers' names, as the caller gives them); the order is answered at its new version.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Order planCarrier(Actor actor, Order order, String carrierCode, String fromName, String toName) {
        boolean open = order.lifecycle() == LifecycleStatus.DRAFT
                || order.lifecycle() == LifecycleStatus.NEW
                || order.lifecycle() == LifecycleStatus.APPROVED
                || order.lifecycle() == LifecycleStatus.ON_HOLD;
        if (!open || order.fulfilmentStatus() != FulfilmentStatus.UNFULFILLED) {
            throw new ActionRefusedException(
                    "carrier", order.lifecycle().name(), "order.refused.carrier-shipped", order.lifecycle());
        }
        changes.write(actor, order.copy(), order);
        orders.planCarrier(order.id(), carrierCode);
        changes.record(
                actor, order, "order.carrier-changed", List.of(Change.of("carrier", fromName, toName)), null, Map.of());
        return changes.lock(order.id());
    }
}
