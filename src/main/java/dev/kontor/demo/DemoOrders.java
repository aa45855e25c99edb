package dev.kontor.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.kontor.access.Actor;
import dev.kontor.fulfillment.ShipmentRequest;
import dev.kontor.fulfillment.Shipments;
import dev.kontor.orders.NoteKind;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderInput;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.OrderLine;
import dev.kontor.orders.OrderNotes;
import dev.kontor.orders.Orders;
import dev.kontor.orders.PaymentTerms;
import dev.kontor.payments.PaymentKind;
import dev.kontor.payments.PaymentLinks;
import dev.kontor.payments.PaymentRequest;
import dev.kontor.payments.PaymentState;
import dev.kontor.payments.Payments;

/** A small language for demo orders: place one, then take it through the steps a real one goes through. */
final class DemoOrders {

    record Services(
            Orders orders,
            OrderIntake intake,
            OrderLifecycle lifecycle,
            OrderNotes notes,
            Payments payments,
            PaymentLinks paymentLinks,
            Shipments shipments,
            Clock clock) {}

    private final Services services;
    private final List<Builder> builders = new ArrayList<>();

    DemoOrders(Services services) {
        this.services = services;
    }

    Builder order(
            Actor by,
            String channel,
            String externalId,
            long customerId,
            String currency,
            int taxRate,
            int daysAgo,
            OrderInput.LineInput... lines) {
        Builder builder = new Builder(by, channel, externalId, customerId, currency, daysAgo, List.of(lines));
        builders.add(builder);
        return builder;
    }

    /** Places the orders that took no step after being described. */
    void finish() {
        builders.forEach(Builder::placed);
    }

    final class Builder {
        private final Actor by;
        private final String channel;
        private final String externalId;
        private final long customerId;
        private final String currency;
        private final int daysAgo;
        private final List<OrderInput.LineInput> lines;
        private final Set<String> tags = new LinkedHashSet<>();
        private boolean net;
        private PaymentTerms terms;
        private boolean draft;
        private Order order;

        private Builder(
                Actor by,
                String channel,
                String externalId,
                long customerId,
                String currency,
                int daysAgo,
                List<OrderInput.LineInput> lines) {
            this.by = by;
            this.channel = channel;
            this.externalId = externalId;
            this.customerId = customerId;
            this.currency = currency;
            this.daysAgo = daysAgo;
            this.lines = lines;
        }

        Builder terms(PaymentTerms.Kind kind) {
            terms = PaymentTerms.of(kind);
            return this;
        }

        Builder net() {
            net = true;
            return this;
        }

        Builder tag(String tag) {
            tags.add(tag);
            return this;
        }

        Builder draft() {
            draft = true;
            placed();
            return this;
        }

        /** Sends the draft's invoice with its payment link. */
        Builder invoice(Actor actor) {
            services.paymentLinks().sendInvoice(actor, placed().id());
            return this;
        }

        private Order placed() {
            if (order == null) {
                Instant placedAt = services.clock()
                        .instant()
                        .minus(Duration.ofDays(daysAgo))
                        .minus(Duration.ofMinutes(37L * (builders.indexOf(this) + 1)));
                OrderInput input = new OrderInput(
                        channel,
                        externalId,
                        OrderInput.CustomerChoice.existing(customerId),
                        null,
                        null,
                        null,
                        null,
                        currency,
                        !net,
                        lines,
                        shipping(currency),
                        null,
                        null,
                        tags,
                        null,
                        Set.of(),
                        placedAt,
                        null,
                        terms,
                        null);
                order = services.intake().place(by, input, draft).order();
            }
            return order;
        }

        private static long shipping(String currency) {
            return switch (currency) {
                case "CNY" -> 0L;
                case "NOK" -> 9900L;
                default -> 490L;
            };
        }

        private Builder act(Actor actor, OrderAction action, String reason) {
            order = services.lifecycle()
                    .act(actor, placed().id(), null, action, reason)
                    .order();
            return this;
        }

        Builder approve(Actor actor) {
            return act(actor, OrderAction.APPROVE, null);
        }

        Builder hold(Actor actor, String reason) {
            return act(actor, OrderAction.HOLD, reason);
        }

        Builder cancel(Actor actor, String reason) {
            return act(actor, OrderAction.CANCEL, reason);
        }

        Builder complete(Actor actor) {
            return act(actor, OrderAction.COMPLETE, null);
        }

        private Builder money(
                Actor actor, PaymentKind kind, long amount, String method, String reference, PaymentState state) {
            services.payments()
                    .record(
                            actor,
                            placed().id(),
                            new PaymentRequest(kind, amount, currency, method, reference, null, state, null));
            order = services.orders().get(order.id());
            return this;
        }

        Builder pay(Actor actor, String method, String reference) {
            return money(actor, PaymentKind.PAYMENT, placed().outstanding(), method, reference, PaymentState.SUCCEEDED);
        }

        Builder partialPay(Actor actor, String method, long amount, String reference) {
            return money(actor, PaymentKind.PAYMENT, amount, method, reference, PaymentState.SUCCEEDED);
        }

        Builder pending(Actor actor, String method, String reference) {
            return money(actor, PaymentKind.PAYMENT, placed().outstanding(), method, reference, PaymentState.PENDING);
        }

        Builder refundAll(Actor actor, String method) {
            return money(
                    actor,
                    PaymentKind.REFUND,
                    placed().paid() - placed().refunded(),
                    method,
                    null,
                    PaymentState.SUCCEEDED);
        }

        Builder partialRefund(Actor actor, String method, long amount) {
            return money(actor, PaymentKind.REFUND, amount, method, null, PaymentState.SUCCEEDED);
        }

        Builder ship(Actor actor, String carrier, String tracking) {
            return shipLines(actor, carrier, tracking, placed().lines());
        }

        Builder shipFirst(Actor actor, String carrier, String tracking) {
            return shipLines(actor, carrier, tracking, placed().lines().subList(0, 1));
        }

        private Builder shipLines(Actor actor, String carrier, String tracking, List<OrderLine> toShip) {
            List<ShipmentRequest.Line> shipped = toShip.stream()
                    .map(l -> new ShipmentRequest.Line(l.id(), l.openQuantity()))
                    .toList();
            services.shipments().record(actor, order.id(), new ShipmentRequest(carrier, tracking, null, shipped));
            order = services.orders().get(order.id());
            return this;
        }

        Builder note(Actor actor, String kind, String text) {
            services.notes().add(actor, placed().id(), NoteKind.valueOf(kind), text);
            return this;
        }
    }
}
