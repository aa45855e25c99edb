package dev.kontor.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.kontor.access.Actor;
import dev.kontor.catalog.Reservations;
import dev.kontor.orders.internal.OrderBatches;
import dev.kontor.orders.internal.OrderRepository;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.Address;
import dev.kontor.timeline.Change;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the payments module does to an order, each inside the payments module's own transaction: lock it, take in the
 * sums of its payments (the payment status follows from them), and confirm a draft at checkout. The payments module
 * writes its own timeline entries for the money itself.
 */
@Service
public class OrderPayments {

    private final OrderRepository orders;
    private final OrderChanges changes;
    private final Reservations reservations;
    private final OrderBatches batches;
    private final Clock clock;

    OrderPayments(
            OrderRepository orders,
            OrderChanges changes,
            Reservations reservations,
            OrderBatches batches,
            Clock clock) {
        this.orders = orders;
        this.batches = batches;
        this.clock = clock;
        this.changes = changes;
        this.reservations = reservations;
    }

    /** Loads the order and locks it until the caller's transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Order lockForChange(long id) {
        return changes.lock(id);
    }

    /** Takes in new payment sums for a locked order; answers the payment-status change. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Change> applyPayments(Actor actor, Order order, long paid, long refunded, long pending) {
        Order before = order.copy();
        order.applyPayments(paid, refunded, pending);
        return changes.write(actor, before, order);
    }

    /** New payment sums of one locked order (see {@link #applyPaymentsAll}). */
    public record Sums(Order order, long paid, long refunded, long pending) {}

    /** An order as written by {@link #applyPaymentsAll}, and what changed. */
    public record Applied(Order order, List<Change> changes) {}

    /**
     * {@link #applyPayments} for many orders the caller's transaction holds (locked, or placed in it), written in one
     * statement, each only if still at its version; answers each as written with its payment-status change, by id.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<Long, Applied> applyPaymentsAll(Actor actor, List<Sums> sums) {
        List<Order> befores = new ArrayList<>();
        List<Order> afters = new ArrayList<>();
        Instant now = clock.instant();
        for (Sums s : sums) {
            Order order = s.order();
            befores.add(order.copy());
            order.applyPayments(s.paid(), s.refunded(), s.pending());
            order.touchedBy(actor.displayName(), now);
            afters.add(order);
        }
        List<Order> saved = batches.updateStates(befores, afters);
        var names = changes.userNames(befores);
        Map<Long, Applied> changed = new HashMap<>();
        for (int i = 0; i < saved.size(); i++) {
            changed.put(
                    saved.get(i).id(),
                    new Applied(saved.get(i), OrderDiff.between(befores.get(i), saved.get(i), names)));
        }
        return changed;
    }

    /**
     * Refuses, with the lifecycle's reason, unless the order is a draft that could be submitted now (lines, an
     * address to ship to): what a draft must be before a customer is asked to pay for it.
     */
    public void requireReadyToSubmit(Order order) {
        if (order.lifecycle() != LifecycleStatus.DRAFT) {
            throw new ActionRefusedException(
                    "invoice", order.lifecycle().name(), "order.refused.not-a-draft", order.lifecycle());
        }
        if (LifecycleRules.decide(OrderAction.SUBMIT, order.facts()) instanceof Decision.Refused refused) {
            throw new ActionRefusedException(
                    "invoice",
                    order.lifecycle().name(),
                    refused.reason(),
                    refused.args().toArray());
        }
    }

    /**
     * The customer confirms a draft at checkout: their billing address and the shipping they chose. Holds the draft's
     * stock until {@code holdUntil} and refuses, naming the item, when something is no longer there. An order that is
     * past its draft (its first payment failed after it was submitted) is paid as it stands. Runs in the caller's
     * transaction, before any money is asked for.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Order checkout(
            Actor actor,
            long id,
            Address billing,
            long shipping,
            String shippingName,
            String carrier,
            Instant holdUntil) {
        Order order = changes.lock(id);
        if (order.lifecycle() == LifecycleStatus.NEW || order.lifecycle() == LifecycleStatus.APPROVED) {
            // already an order (a bank transfer was announced and never came): it is paid as it stands
            if (order.outstanding() - order.pending() <= 0) {
                throw new ActionRefusedException("pay", order.lifecycle().name(), "pay.refused.used");
            }
            return order;
        }
        requireReadyToSubmit(order);
        OrderContent c = order.content();
        if (!Objects.equals(c.billingAddress(), billing) || c.shipping() != shipping) {
            Order before = order.copy();
            order.edit(c.toBuilder().billingAddress(billing).shipping(shipping).build());
            order = changes.save(
                    actor,
                    before,
                    order,
                    "order.checkout",
                    null,
                    shippingName == null ? Map.of() : Map.of("shippingMethod", shippingName));
        }
        if (shippingName != null) {
            orders.planCarrier(order.id(), carrier);
        }
        reservations.holdForCheckout(actor, OrderStock.ref(order), OrderStock.needs(order), holdUntil);
        return order;
    }
}
