package dev.kontor.payments;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.aftersales.OrderSplit;
import dev.kontor.catalog.Inventory;
import dev.kontor.catalog.OrderRef;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderGoods;
import dev.kontor.orders.OrderLine;
import dev.kontor.orders.OrderPayments;
import dev.kontor.orders.Orders;
import dev.kontor.payments.internal.PaymentRepository;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.Money;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.Text;
import dev.kontor.timeline.Change;
import dev.kontor.timeline.Timeline;
import dev.kontor.timeline.TimelineEntry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records payments and refunds. Each command locks the order, writes the record, re-derives the order's
 * payment status from all its records and writes the timeline, in one transaction: two payments recorded
 * at once are counted one after the other, never past what is owed.
 */
@Service
public class Payments {

    private final PaymentRepository payments;
    private final Orders orders;
    private final OrderPayments orderPayments;
    private final OrderGoods orderGoods;
    private final Permissions permissions;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Inventory inventory;

    Payments(
            PaymentRepository payments,
            Orders orders,
            OrderPayments orderPayments,
            OrderGoods orderGoods,
            Permissions permissions,
            Timeline timeline,
            ApplicationEventPublisher events,
            Clock clock,
            Inventory inventory) {
        this.inventory = inventory;
        this.payments = payments;
        this.orders = orders;
        this.orderPayments = orderPayments;
        this.orderGoods = orderGoods;
        this.permissions = permissions;
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Payment record(Actor actor, long orderId, PaymentRequest request) {
        Order order = orderPayments.lockForChange(orderId);
        permissions.requireAllowed(
                actor,
                request.kind() == PaymentKind.REFUND ? Permission.REFUND_RECORD : Permission.PAYMENT_RECORD,
                orders.situationOf(order));
        long linesValue = PaymentRules.checkLines(order, request, payments.refundedUnits(orderId));
        if (request.amount() == null && !request.lines().isEmpty()) {
            request = request.withAmount(linesValue);
        }
        PaymentRules.check(order, request);
        PaymentState state = request.state() == null ? PaymentState.SUCCEEDED : request.state();
        Instant now = clock.instant();
        long id = payments.insert(
                orderId,
                request.kind(),
                state,
                request.amount(),
                request.currency(),
                request.method().strip(),
                Text.clean(request.reference()),
                request.occurredAt() == null ? now : request.occurredAt(),
                actor.userId(),
                actor.displayName(),
                now);
        payments.insertRefundLines(id, request.lines());
        Map<Long, OrderLine> byId = new HashMap<>();
        order.lines().forEach(l -> byId.put(l.id(), l));
        OrderRef ref = new OrderRef(orderId, order.number());
        List<String> goods = new ArrayList<>();
        Map<Long, Integer> back = new LinkedHashMap<>();
        for (RefundLine line : request.lines()) {
            OrderLine ordered = byId.get(line.orderLineId());
            goods.add(line.quantity() + " × " + ordered.sku() + ": "
                    + line.goods().name());
            if (line.goods().returnsGoods()) {
                back.put(line.orderLineId(), line.quantity());
                inventory.returnFromCustomer(
                        actor,
                        ref,
                        ordered.sku(),
                        line.quantity(),
                        line.goods() == RefundGoods.DEFECTIVE,
                        "refund #" + id);
            }
        }
        List<Change> changes = new ArrayList<>();
        if (!back.isEmpty()) {
            changes.addAll(orderGoods.applyReturn(actor, order, back));
            order = orderPayments.lockForChange(orderId); // as just written, at its new version
        }
        changes.addAll(rederive(actor, order));
        Payment payment = payments.findById(id).orElseThrow();
        Map<String, String> details = details(payment);
        if (!goods.isEmpty()) {
            details.put("goods", String.join("; ", goods));
        }
        timeline.record(new TimelineEntry(
                null,
                Orders.SUBJECT,
                orderId,
                now,
                actor.userId(),
                actor.displayName(),
                request.kind() == PaymentKind.REFUND ? "refund.recorded" : "payment.recorded",
                changes,
                null,
                details));
        events.publishEvent(
                new PaymentRecorded(id, orderId, payment.kind(), state, payment.amount(), payment.currency()));
        return payment;
    }

    /** Settles a pending or unknown payment: the money arrived, or it will not. */
    @Transactional
    public Payment settle(Actor actor, long orderId, long paymentId, PaymentState newState) {
        Order order = orderPayments.lockForChange(orderId);
        permissions.requireAllowed(actor, Permission.PAYMENT_RECORD, orders.situationOf(order));
        Payment payment = payments.findById(paymentId)
                .filter(p -> p.orderId() == orderId)
                .orElseThrow(() -> new NotFoundException("payment", paymentId));
        if (!payment.state().canMoveTo(newState)) {
            throw new ActionRefusedException(
                    "settle", payment.state().name(), "payment.refused.state-move", payment.state(), newState);
        }
        payments.updateState(paymentId, newState);
        List<Change> changes = new ArrayList<>();
        changes.add(Change.of("payment #" + paymentId, payment.state(), newState));
        changes.addAll(rederive(actor, order));
        timeline.record(new TimelineEntry(
                null,
                Orders.SUBJECT,
                orderId,
                clock.instant(),
                actor.userId(),
                actor.displayName(),
                "payment.settled",
                changes,
                null,
                details(payment)));
        events.publishEvent(new PaymentRecorded(
                paymentId, orderId, payment.kind(), newState, payment.amount(), payment.currency()));
        return payments.findById(paymentId).orElseThrow();
    }

    /**
     * A customer starts paying through an invoice link: the payment is recorded as initiated (the order shows
     * "payment pending") before the provider is asked, so money the provider takes is never unaccounted for.
     * Runs in the caller's transaction, which holds the order's lock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Payment startAttempt(Actor actor, Order order, long linkId, PaymentProvider provider) {
        Instant now = clock.instant();
        long id = payments.insertAttempt(
                order.id(),
                linkId,
                provider.code(),
                provider.method(),
                order.outstanding(),
                order.currency(),
                actor.displayName(),
                now);
        List<Change> changes = rederive(actor, order);
        Payment payment = payments.findById(id).orElseThrow();
        Map<String, String> details = details(payment);
        details.put("provider", provider.code());
        timeline.record(new TimelineEntry(
                null,
                Orders.SUBJECT,
                order.id(),
                now,
                actor.userId(),
                actor.displayName(),
                "payment.started",
                changes,
                null,
                details));
        return payment;
    }

    /**
     * What a provider answered about a payment (at checkout, or when the reconciler asked again): moves the
     * payment on if its state allows, re-derives the order's payment status and publishes the change. An answer
     * that changes nothing (still pending) only notes when to ask next.
     */
    @Transactional
    Payment applyProviderAnswer(Actor actor, long paymentId, PaymentProvider.Charge answer, Instant nextCheck) {
        Payment current = payments.findById(paymentId).orElseThrow(() -> new NotFoundException("payment", paymentId));
        Order order = orderPayments.lockForChange(current.orderId());
        Payment payment = payments.lock(paymentId).orElseThrow();
        PaymentState next = answer.state();
        if (next == payment.state() || !payment.state().canMoveTo(next)) {
            payments.updateFromProvider(
                    paymentId,
                    payment.state(),
                    answer.reference(),
                    payment.state().isOpen() ? nextCheck : null);
            return payments.findById(paymentId).orElseThrow();
        }
        payments.updateFromProvider(paymentId, next, answer.reference(), next.isOpen() ? nextCheck : null);
        List<Change> changes = new ArrayList<>();
        changes.add(Change.of("payment #" + paymentId, payment.state(), next));
        changes.addAll(rederive(actor, order));
        Payment updated = payments.findById(paymentId).orElseThrow();
        timeline.record(new TimelineEntry(
                null,
                Orders.SUBJECT,
                order.id(),
                clock.instant(),
                actor.userId(),
                actor.displayName(),
                "payment.settled",
                changes,
                null,
                details(updated)));
        events.publishEvent(
                new PaymentRecorded(paymentId, order.id(), updated.kind(), next, updated.amount(), updated.currency()));
        return updated;
    }

    /**
     * Goods that came back (a return, a refund taking goods back) and are not refunded yet, units by order line
     * id: what finance still has to refund.
     */
    @Transactional(readOnly = true)
    public Map<Long, Integer> backNotRefunded(Actor actor, long orderId) {
        Order order = orders.view(actor, orderId);
        Map<Long, Integer> refunded = payments.refundedUnits(orderId);
        Map<Long, Integer> open = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            int units = line.returnedQuantity() - refunded.getOrDefault(line.id(), 0);
            if (units > 0) {
                open.put(line.id(), units);
            }
        }
        return open;
    }

    /** The lines of the order's refunds, by refund id, for a user who may see the order. */
    @Transactional(readOnly = true)
    public Map<Long, List<RefundLine>> refundLines(Actor actor, long orderId) {
        orders.view(actor, orderId);
        return payments.refundLines(orderId);
    }

    /**
     * An order was split: what the parent holds beyond its new total is carried over to the child (up to the
     * child's total), as a transfer out of the one and into the other, so the family together keeps exactly what
     * the customer paid. In the splitting transaction.
     */
    @EventListener
    void on(OrderSplit split) {
        Actor actor = Actor.system("order split");
        Order parent = orderPayments.lockForChange(split.parentId());
        Order child = orderPayments.lockForChange(split.childId());
        long excess = parent.paid() - parent.refunded() - parent.totals().total();
        long amount = Math.min(excess, child.totals().total());
        if (amount <= 0) {
            return;
        }
        Instant now = clock.instant();
        payments.insertTransfer(
                parent.id(),
                parent.number(),
                child.id(),
                child.number(),
                amount,
                parent.currency(),
                actor.displayName(),
                now);
        String money = Money.of(amount, parent.currency()).toString();
        List<Change> parentChanges = rederive(actor, parent);
        timeline.record(new TimelineEntry(
                null,
                Orders.SUBJECT,
                parent.id(),
                now,
                null,
                actor.displayName(),
                "payment.transferred-out",
                parentChanges,
                null,
                Map.of("amount", money, "to", child.number())));
        List<Change> childChanges = rederive(actor, orderPayments.lockForChange(child.id()));
        timeline.record(new TimelineEntry(
                null,
                Orders.SUBJECT,
                child.id(),
                now,
                null,
                actor.displayName(),
                "payment.transferred-in",
                childChanges,
                null,
                Map.of("amount", money, "from", parent.number())));
    }

    /** The order's payments and refunds, for a user who may see the order. */
    @Transactional(readOnly = true)
    public List<Payment> of(Actor actor, long orderId) {
        orders.view(actor, orderId);
        return payments.findByOrder(orderId);
    }

    private List<Change> rederive(Actor actor, Order order) {
        PaymentRepository.Sums sums = payments.sums(order.id());
        return orderPayments.applyPayments(actor, order, sums.paid(), sums.refunded(), sums.pending());
    }

    private static Map<String, String> details(Payment p) {
        return details(p.amount(), p.currency(), p.method(), p.state(), p.reference());
    }

    /** What a payment's timeline entry says of it. */
    static Map<String, String> details(
            long amount, String currency, String method, PaymentState state, String reference) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("amount", Money.of(amount, currency).toString());
        details.put("method", method);
        details.put("state", state.name());
        if (reference != null) {
            details.put("reference", reference);
        }
        return details;
    }
}
