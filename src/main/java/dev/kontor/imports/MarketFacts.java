package dev.kontor.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.kontor.access.Actor;
import dev.kontor.fulfillment.ShipmentRequest;
import dev.kontor.fulfillment.Shipments;
import dev.kontor.imports.internal.ImportRepository;
import dev.kontor.imports.read.MarketStatus;
import dev.kontor.imports.read.StagedOrder;
import dev.kontor.orders.FulfilmentStatus;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.NoteKind;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderEditing;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.OrderNotes;
import dev.kontor.orders.Orders;
import dev.kontor.orders.PaymentStatus;
import dev.kontor.payments.PaymentBatches;
import dev.kontor.payments.PaymentKind;
import dev.kontor.payments.PaymentRequest;
import dev.kontor.payments.PaymentState;
import dev.kontor.payments.Payments;
import dev.kontor.shared.Address;
import dev.kontor.shared.Message;
import org.springframework.stereotype.Component;

/**
 * What a marketplace file says happened to an order — paid, shipped, closed — recorded through the same verbs as by
 * hand (payments, approval, shipments, voiding, the address while nothing has shipped), each with its own timeline entry by the import. Used for a new order
 * and, when a later file says more, for an order Kontor has; what Kontor contradicts (closed on the marketplace,
 * shipped here) is not applied but answered as a conflict.
 */
@Component
class MarketFacts {

    private final OrderLifecycle lifecycle;
    private final OrderEditing editing;
    private final ImportRepository imports;
    private final Orders orders;
    private final OrderNotes notes;
    private final Payments payments;
    private final Shipments shipments;

    MarketFacts(
            OrderLifecycle lifecycle,
            OrderEditing editing,
            ImportRepository imports,
            Orders orders,
            OrderNotes notes,
            Payments payments,
            Shipments shipments) {
        this.lifecycle = lifecycle;
        this.editing = editing;
        this.imports = imports;
        this.orders = orders;
        this.notes = notes;
        this.payments = payments;
        this.shipments = shipments;
    }

    /** What was recorded ({@code payment}, {@code shipment}, {@code approval}, {@code refund}, {@code cancel}), or why not. */
    record Applied(List<String> recorded, Message conflict) {

        boolean changed() {
            return !recorded.isEmpty();
        }
    }

    /** The notes a new order brings: the buyer's message and the seller's own note. Answers whether it brought any. */
    boolean notesOf(Actor market, long orderId, StagedOrder staged) {
        if (staged.buyerMessage() != null) {
            notes.add(market, orderId, NoteKind.BUYER, staged.buyerMessage());
        }
        if (staged.note() != null) {
            notes.add(market, orderId, NoteKind.INTERNAL, staged.note());
        }
        return staged.buyerMessage() != null || staged.note() != null;
    }

    /** Brings the order up to what the file says: what is already so is left alone. */
    Applied apply(Actor market, long orderId, StagedOrder staged, String carrier) {
        List<String> recorded = new ArrayList<>();
        Order order = orders.get(orderId);
        MarketStatus status = staged.status() == null ? MarketStatus.UNPAID : staged.status();
        boolean shippedThere = status == MarketStatus.SHIPPED || status == MarketStatus.COMPLETED;
        boolean paidThere =
                status == MarketStatus.PAID || shippedThere || (status == MarketStatus.CLOSED && paid(staged) > 0);
        boolean shippedHere = order.fulfilmentStatus() != FulfilmentStatus.UNFULFILLED;
        if (status == MarketStatus.CLOSED && order.lifecycle() != LifecycleStatus.CANCELLED && shippedHere) {
            return new Applied(recorded, Message.of("import.conflict.shipped-here", staged.externalId()));
        }
        if (shippedThere && order.lifecycle() == LifecycleStatus.CANCELLED) {
            return new Applied(recorded, Message.of("import.conflict.void-here", staged.externalId()));
        }
        Address there = staged.shippingAddress();
        Address here = order.content().shippingAddress();
        if (there != null && !there.equals(here) && order.lifecycle() != LifecycleStatus.CANCELLED) {
            if (shippedHere) {
                return new Applied(recorded, Message.of("import.conflict.address-shipped", staged.externalId()));
            }
            Optional<Address> imported = imports.lastImportedAddress(orderId);
            if (imported.isPresent() && !imported.get().equals(here)) {
                return new Applied(recorded, Message.of("import.conflict.address-edited", staged.externalId()));
            }
            editing.changeShippingAddress(market, orderId, there);
            recorded.add("address");
        }
        if (paidThere && order.lifecycle() != LifecycleStatus.CANCELLED) {
            pay(market, order, staged, recorded);
        }
        if (shippedThere && !shippedHere) {
            if (order.lifecycle() == LifecycleStatus.ON_HOLD) {
                return new Applied(recorded, Message.of("import.conflict.held-here", staged.externalId()));
            }
            ship(market, orderId, staged, carrier, recorded);
        }
        if (status == MarketStatus.CLOSED && order.lifecycle() != LifecycleStatus.CANCELLED) {
            close(market, orderId, staged, recorded);
        }
        return new Applied(recorded, null);
    }

    /**
     * Whether {@link #apply} would at most record a payment for this order just placed from the file: nothing
     * shipped, closed or re-addressed there. Such orders' payments can be recorded together ({@link #payment}).
     */
    static boolean atMostPays(Order placed, StagedOrder staged) {
        MarketStatus status = staged.status() == null ? MarketStatus.UNPAID : staged.status();
        return status != MarketStatus.SHIPPED
                && status != MarketStatus.COMPLETED
                && status != MarketStatus.CLOSED
                && placed.lifecycle() != LifecycleStatus.CANCELLED
                && (staged.shippingAddress() == null
                        || staged.shippingAddress().equals(placed.content().shippingAddress()));
    }

    /** The payment {@link #apply} records for an order that {@link #atMostPays}; null when there is none to record. */
    static PaymentBatches.Entry payment(Order order, StagedOrder staged) {
        MarketStatus status = staged.status() == null ? MarketStatus.UNPAID : staged.status();
        if (status != MarketStatus.PAID) {
            return null;
        }
        PaymentRequest request = owed(order, staged);
        return request == null ? null : new PaymentBatches.Entry(order, request);
    }

    /** The buyer's payment, as far as Kontor has not recorded it yet. */
    private void pay(Actor market, Order order, StagedOrder staged, List<String> recorded) {
        PaymentRequest request = owed(order, staged);
        if (request == null) {
            return;
        }
        payments.record(market, order.id(), request);
        recorded.add("payment");
    }

    /** What the buyer paid that Kontor has not recorded yet; null when nothing. */
    private static PaymentRequest owed(Order order, StagedOrder staged) {
        long owed = paid(staged) > 0 ? paid(staged) : order.total().minor();
        if (owed <= order.paid()) {
            return null;
        }
        return new PaymentRequest(
                PaymentKind.PAYMENT,
                owed - order.paid(),
                order.total().currency(),
                methodOf(order, staged),
                staged.payerAccount(),
                staged.paidAt(),
                PaymentState.SUCCEEDED,
                null);
    }

    /** Approved and shipped as the marketplace shipped it; with an unknown carrier, its tracking kept as a note. */
    private void ship(Actor market, long orderId, StagedOrder staged, String carrier, List<String> recorded) {
        if (orders.get(orderId).lifecycle() == LifecycleStatus.NEW) {
            lifecycle.act(market, orderId, null, OrderAction.APPROVE, null);
            recorded.add("approval");
        }
        if (carrier != null) {
            Order approved = orders.get(orderId);
            shipments.record(
                    market,
                    orderId,
                    new ShipmentRequest(
                            carrier,
                            staged.tracking(),
                            null,
                            approved.lines().stream()
                                    .filter(l -> l.openQuantity() > 0)
                                    .map(l -> new ShipmentRequest.Line(l.id(), l.openQuantity()))
                                    .toList()));
            recorded.add("shipment");
        } else if (staged.carrier() != null || staged.tracking() != null) {
            String written = Arrays.stream(new String[] {staged.carrier(), staged.tracking()})
                    .filter(Objects::nonNull)
                    .collect(Collectors.joining(" "));
            notes.add(market, orderId, NoteKind.SHIPPING, written);
            recorded.add("note");
        }
    }

    /** Closed on the marketplace: what was paid refunded, the order voided. */
    private void close(Actor market, long orderId, StagedOrder staged, List<String> recorded) {
        Order now = orders.get(orderId);
        long refund = Math.min(now.paid() - now.refunded(), staged.refunded() != null ? staged.refunded() : now.paid());
        if (refund > 0 && now.paymentStatus() != PaymentStatus.REFUNDED) {
            payments.record(
                    market,
                    orderId,
                    new PaymentRequest(
                            PaymentKind.REFUND,
                            refund,
                            now.total().currency(),
                            methodOf(now, staged),
                            staged.payerAccount(),
                            null,
                            PaymentState.SUCCEEDED,
                            null));
            recorded.add("refund");
        }
        lifecycle.act(market, orderId, null, OrderAction.CANCEL, "marketplace: " + staged.externalId());
        recorded.add("cancel");
    }

    private static String methodOf(Order order, StagedOrder staged) {
        return staged.paymentMethod() != null ? staged.paymentMethod() : order.channel();
    }

    private static long paid(StagedOrder staged) {
        return staged.paid() == null ? 0 : staged.paid();
    }
}
