package dev.kontor.payments;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderPayments;
import dev.kontor.orders.Orders;
import dev.kontor.payments.internal.PaymentRepository;
import dev.kontor.shared.Text;
import dev.kontor.timeline.Timeline;
import dev.kontor.timeline.TimelineEntry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording many payments at once — a marketplace file's paid orders — as {@link Payments#record} records each:
 * the same permission, the same rules, the order's payment status re-derived from all its records, the same
 * timeline entry. In a few statements however many: the orders locked together (in id order), the payments
 * inserted in one statement, the new sums read in one and written to the orders in one, the timeline entries in
 * one, and one {@link PaymentsRecorded} event for all of them.
 */
@Service
public class PaymentBatches {

    private final PaymentRepository payments;
    private final Orders orders;
    private final OrderPayments orderPayments;
    private final Permissions permissions;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PaymentBatches(
            PaymentRepository payments,
            Orders orders,
            OrderPayments orderPayments,
            Permissions permissions,
            Timeline timeline,
            ApplicationEventPublisher events,
            Clock clock) {
        this.payments = payments;
        this.orders = orders;
        this.orderPayments = orderPayments;
        this.permissions = permissions;
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
    }

    /**
     * One payment of one order, the order as the caller's transaction holds it (locked, or placed in it): it is
     * written only if still at that version.
     */
    public record Entry(Order order, PaymentRequest request) {

        long orderId() {
            return order.id();
        }
    }

    /**
     * Records money received for many orders, at most one payment per order (answered as written, by id): each a {@link PaymentKind#PAYMENT}
     * that has arrived ({@code SUCCEEDED}), without refund lines. A payment the rules refuse (more than is owed,
     * another currency) refuses them all: the caller's transaction rolls back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<Long, Order> recordAll(Actor actor, List<Entry> entries) {
        if (entries.isEmpty()) {
            return Map.of();
        }
        Set<Long> ids = new HashSet<>();
        for (Entry e : entries) {
            PaymentRequest r = e.request();
            if (!ids.add(e.orderId())
                    || r.kind() != PaymentKind.PAYMENT
                    || !r.lines().isEmpty()
                    || (r.state() != null && r.state() != PaymentState.SUCCEEDED)) {
                throw new IllegalArgumentException("recordAll records one received payment per order; order "
                        + e.orderId() + " has another kind or a second one");
            }
        }
        Map<Long, Order> held = new LinkedHashMap<>();
        entries.forEach(e -> held.put(e.orderId(), e.order()));
        Instant now = clock.instant();
        List<PaymentRepository.NewPayment> rows = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            Order order = e.order();
            permissions.requireAllowed(actor, Permission.PAYMENT_RECORD, orders.situationOf(order));
            PaymentRules.check(order, e.request());
            PaymentRequest r = e.request();
            rows.add(new PaymentRepository.NewPayment(
                    e.orderId(),
                    PaymentKind.PAYMENT,
                    PaymentState.SUCCEEDED,
                    r.amount(),
                    r.currency(),
                    r.method().strip(),
                    Text.clean(r.reference()),
                    r.occurredAt() == null ? now : r.occurredAt()));
        }
        Map<Long, Long> paymentIds = payments.insertAll(rows, actor.userId(), actor.displayName(), now);
        Map<Long, PaymentRepository.Sums> sums = payments.sumsAll(ids);
        Map<Long, OrderPayments.Applied> changed = orderPayments.applyPaymentsAll(
                actor,
                rows.stream()
                        .map(p -> {
                            PaymentRepository.Sums s = sums.get(p.orderId());
                            return new OrderPayments.Sums(held.get(p.orderId()), s.paid(), s.refunded(), s.pending());
                        })
                        .toList());
        List<TimelineEntry> recorded = new ArrayList<>(rows.size());
        List<PaymentRecorded> announced = new ArrayList<>(rows.size());
        for (PaymentRepository.NewPayment p : rows) {
            Map<String, String> details =
                    Payments.details(p.amount(), p.currency(), p.method(), p.state(), p.reference());
            recorded.add(new TimelineEntry(
                    null,
                    Orders.SUBJECT,
                    p.orderId(),
                    now,
                    actor.userId(),
                    actor.displayName(),
                    "payment.recorded",
                    changed.get(p.orderId()).changes(),
                    null,
                    details));
            announced.add(new PaymentRecorded(
                    paymentIds.get(p.orderId()), p.orderId(), p.kind(), p.state(), p.amount(), p.currency()));
        }
        timeline.recordAll(recorded);
        events.publishEvent(new PaymentsRecorded(announced));
        Map<Long, Order> written = new LinkedHashMap<>();
        changed.forEach((id, applied) -> written.put(id, applied.order()));
        return written;
    }
}
