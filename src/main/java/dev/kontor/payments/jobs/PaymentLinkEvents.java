package dev.kontor.payments.jobs;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.OrderLifecycleChanged;
import dev.kontor.orders.Orders;
import dev.kontor.payments.Payment;
import dev.kontor.payments.PaymentKind;
import dev.kontor.payments.PaymentLink;
import dev.kontor.payments.PaymentLinkStatus;
import dev.kontor.payments.PaymentRecorded;
import dev.kontor.payments.PaymentState;
import dev.kontor.payments.PaymentsRecorded;
import dev.kontor.payments.internal.PaymentLinkRepository;
import dev.kontor.payments.internal.PaymentRepository;
import dev.kontor.timeline.Timeline;
import dev.kontor.timeline.TimelineEntry;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What follows from payments and from an order's lifecycle for its payment link (decision 0016 says which runs in the
 * publishing transaction and which after it).
 */
@Component
class PaymentLinkEvents {

    private final PaymentLinkRepository links;
    private final PaymentRepository records;
    private final Orders orders;
    private final OrderLifecycle lifecycle;
    private final Timeline timeline;
    private final Clock clock;

    PaymentLinkEvents(
            PaymentLinkRepository links,
            PaymentRepository records,
            Orders orders,
            OrderLifecycle lifecycle,
            Timeline timeline,
            Clock clock) {
        this.links = links;
        this.records = records;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.timeline = timeline;
        this.clock = clock;
    }

    /**
     * A payment through a link moved, in the payment's transaction (the money and the order move together):
     * succeeded, the draft becomes an approved order (the customer's confirmation follows after commit); pending (a bank transfer),
     * the draft becomes an order awaiting payment.
     */
    @EventListener
    void paidThroughLink(PaymentRecorded event) {
        if (event.kind() != PaymentKind.PAYMENT) {
            return;
        }
        Payment payment = records.findById(event.paymentId()).orElseThrow();
        if (!payment.viaLink()) {
            return;
        }
        Actor actor = Actor.system("payment link");
        Order order = orders.get(event.orderId());
        if ((event.state() == PaymentState.SUCCEEDED || event.state() == PaymentState.PENDING)
                && order.lifecycle() == LifecycleStatus.DRAFT) {
            order = lifecycle
                    .act(actor, order.id(), null, OrderAction.SUBMIT, null)
                    .order();
        }
        if (event.state() == PaymentState.SUCCEEDED) {
            if (order.lifecycle() == LifecycleStatus.NEW) {
                order = lifecycle
                        .act(actor, order.id(), null, OrderAction.APPROVE, null)
                        .order();
            }
            PaymentLink link = links.findById(payment.linkId()).orElseThrow();
            if (link.status() == PaymentLinkStatus.OPEN) {
                links.close(link.id(), PaymentLinkStatus.PAID, null, clock.instant());
            }
            // the customer's confirmation, with its PDF, follows once this committed (PaymentConfirmations)
        }
    }

    /**
     * Money recorded by hand (finance got it another way): after the payment committed, the open link stops working
     * and says the order is paid. Closing a closed link changes nothing, so a second delivery is harmless.
     */
    @ApplicationModuleListener
    void paidOtherwise(PaymentRecorded event) {
        if (event.kind() != PaymentKind.PAYMENT
                || (event.state() != PaymentState.SUCCEEDED && event.state() != PaymentState.PENDING)
                || records.findById(event.paymentId()).orElseThrow().viaLink()) {
            return;
        }
        links.openOf(event.orderId()).ifPresent(this::closePaidOtherwise);
    }

    /** Payments recorded together (an import, never through a link): the orders' open links closed, as above. */
    @ApplicationModuleListener
    void paidTogether(PaymentsRecorded event) {
        links.openOfAny(event.payments().stream().map(PaymentRecorded::orderId).toList())
                .forEach(this::closePaidOtherwise);
    }

    private void closePaidOtherwise(PaymentLink link) {
        Actor actor = Actor.system("payment link");
        links.close(link.id(), PaymentLinkStatus.CLOSED, "payment-link.closed.paid-otherwise", clock.instant());
        timeline.record(new TimelineEntry(
                null,
                Orders.SUBJECT,
                link.orderId(),
                clock.instant(),
                actor.userId(),
                actor.displayName(),
                "payment-link.closed",
                List.of(),
                null,
                Map.of("closedBecause", "payment-link.closed.paid-otherwise")));
    }

    /** A draft voided or deleted: its link stops working, in the same transaction. */
    @EventListener
    void orderClosed(OrderLifecycleChanged event) {
        if (event.to() == LifecycleStatus.CANCELLED || event.to() == LifecycleStatus.DELETED) {
            links.openOf(event.orderId())
                    .ifPresent(link -> links.close(
                            link.id(), PaymentLinkStatus.CLOSED, "payment-link.closed.order-closed", clock.instant()));
        }
    }
}
