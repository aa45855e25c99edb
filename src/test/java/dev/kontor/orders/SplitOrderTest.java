package dev.kontor.orders;

import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.aftersales.Splits;
import dev.kontor.catalog.Catalog;
import dev.kontor.catalog.Inventory;
import dev.kontor.fulfillment.ShipmentRequest;
import dev.kontor.fulfillment.Shipments;
import dev.kontor.payments.PaymentKind;
import dev.kontor.payments.PaymentRequest;
import dev.kontor.payments.PaymentState;
import dev.kontor.payments.Payments;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Splitting an order: chosen lines move with their reservations into {@code <number>-OSP<n>}, money paid follows
 * them so the family keeps exactly what the customer paid, and the refusals of issue 8.
 */
@KontorTest
class SplitOrderTest {

    @Autowired
    Orders orders;

    @Autowired
    OrderIntake orderIntake;

    @Autowired
    OrderLifecycle orderLifecycle;

    @Autowired
    OrderNotes orderNotes;

    @Autowired
    Splits splits;

    @Autowired
    Payments payments;

    @Autowired
    Shipments shipments;

    @Autowired
    Inventory inventory;

    @Autowired
    Catalog catalog;

    @Autowired
    Fixtures fixtures;

    Actor lina;
    Actor ingrid;
    Order order;

    @BeforeEach
    void setUp() {
        lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        ingrid = fixtures.user("ingrid", Role.FINANCE);
        fixtures.product("TEE", false, "TEE-S", "TEE-M", "TEE-L");
        for (String sku : List.of("TEE-S", "TEE-M", "TEE-L")) {
            fixtures.receive(sku, 10);
        }
        order = orderIntake
                .place(
                        lina,
                        Fixtures.input(
                                "MANUAL",
                                null,
                                Fixtures.line("TEE-S", 2990, 1),
                                Fixtures.line("TEE-M", 2990, 2),
                                Fixtures.line("TEE-L", 2990, 3)),
                        false)
                .order();
        order = orderLifecycle
                .act(lina, order.id(), null, OrderAction.APPROVE, null)
                .order();
    }

    private long reserved(String sku) {
        return inventory.total(catalog.variant(sku).orElseThrow().id()).reserved();
    }

    private void payInFull() {
        payments.record(
                ingrid,
                order.id(),
                new PaymentRequest(
                        PaymentKind.PAYMENT, order.total().minor(), "EUR", "BANK_TRANSFER", null, null, null, null));
    }

    @Test
    void aPaidOrderSplitsIntoTwoChildrenWhoseMoneyAndStockGoWithThem() {
        payInFull();
        long total = order.total().minor();
        orderNotes.add(lina, order.id(), NoteKind.SHIPPING, "Ring twice");
        long m = order.lines().get(1).id();
        long l = order.lines().get(2).id();

        Order first = splits.split(lina, order.id(), null, List.of(m), "M ships from the other warehouse");
        Order second = splits.split(lina, order.id(), null, List.of(l), "L is a gift for someone else");

        assertThat(first.number()).isEqualTo(order.number() + "-OSP1");
        assertThat(second.number()).isEqualTo(order.number() + "-OSP2");
        assertThat(first.lifecycle()).isEqualTo(LifecycleStatus.APPROVED);
        Order parent = orders.get(order.id());
        assertThat(parent.lines()).extracting(OrderLine::sku).containsExactly("TEE-S");
        assertThat(first.lines()).extracting(OrderLine::sku).containsExactly("TEE-M");

        assertThat(reserved("TEE-M")).as("the reservation moved, none let go").isEqualTo(2);
        assertThat(inventory.holdingsOf(first.id()))
                .singleElement()
                .satisfies(h -> assertThat(h.reserved()).isEqualTo(2));
        assertThat(inventory.holdingsOf(order.id())).extracting(h -> h.sku()).containsExactly("TEE-S");

        Order firstNow = orders.get(first.id());
        Order secondNow = orders.get(second.id());
        assertThat(List.of(parent, firstNow, secondNow))
                .allSatisfy(o -> assertThat(o.paymentStatus()).as(o.number()).isEqualTo(PaymentStatus.PAID));
        assertThat(parent.paid() + firstNow.paid() + secondNow.paid())
                .as("exactly what the customer paid")
                .isEqualTo(total);
        assertThat(parent.total().minor()
                        + firstNow.total().minor()
                        + secondNow.total().minor())
                .isEqualTo(total);

        assertThat(orders.lineage(lina, order.id()))
                .extracting(RelatedOrder::number, RelatedOrder::relation)
                .containsExactly(Tuple.tuple(first.number(), "SPLIT"), Tuple.tuple(second.number(), "SPLIT"));
        assertThat(orderNotes.of(lina, first.id())).extracting(OrderNote::body).containsExactly("Ring twice");
        assertThat(orders.timeline(lina, order.id()))
                .extracting(e -> e.action())
                .contains("order.split", "payment.transferred-out");
    }

    @Test
    void everySplitThatMakesNoSenseIsRefusedAndNothingChanges() {
        List<Long> all = order.lines().stream().map(OrderLine::id).toList();
        assertThatThrownBy(() -> splits.split(lina, order.id(), null, all, "everything"))
                .isInstanceOfSatisfying(
                        ActionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo("order.refused.split-everything"));
        assertThatThrownBy(() -> splits.split(lina, order.id(), null, List.of(), "nothing"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> splits.split(lina, order.id(), null, List.of(424242L), "not ours"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> splits.split(lina, order.id(), null, List.of(all.get(1)), " "))
                .isInstanceOf(InvalidInputException.class);

        shipments.record(
                fixtures.user("jonas", Role.WAREHOUSE),
                order.id(),
                new ShipmentRequest("DHL", null, null, List.of(new ShipmentRequest.Line(all.get(0), 1))));
        assertThatThrownBy(() -> splits.split(lina, order.id(), null, List.of(all.get(0)), "shipped already"))
                .isInstanceOfSatisfying(
                        ActionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo("order.refused.split-shipped"));

        payments.record(
                ingrid,
                order.id(),
                new PaymentRequest(
                        PaymentKind.PAYMENT, 1000L, "EUR", "BANK_TRANSFER", null, null, PaymentState.PENDING, null));
        assertThatThrownBy(() -> splits.split(lina, order.id(), null, List.of(all.get(2)), "while pending"))
                .isInstanceOfSatisfying(
                        ActionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo("order.refused.payment-pending"));
        assertThat(orders.get(order.id()).lines()).hasSize(3);
        assertThat(orders.lineage(lina, order.id())).isEmpty();
    }

    @Test
    void partOfALineIsKeptBackWithItsBackorderSoTheRestCanShip() {
        fixtures.product("CAP", true, "CAP-RED");
        fixtures.receive("CAP-RED", 3);
        Order placed = orderIntake
                .place(lina, Fixtures.input("MANUAL", null, Fixtures.line("CAP-RED", 1000, 5)), false)
                .order();
        Order caps = orderLifecycle
                .act(lina, placed.id(), null, OrderAction.APPROVE, null)
                .order();
        assertThat(inventory.holdingsOf(caps.id()))
                .singleElement()
                .satisfies(h -> assertThat(h.backordered()).isEqualTo(2));
        long line = caps.lines().get(0).id();

        Order child = splits.split(lina, caps.id(), caps.version(), Map.of(line, 2), "ship the three we have");

        assertThat(child.number()).isEqualTo(caps.number() + "-OSP1");
        assertThat(child.lines())
                .singleElement()
                .satisfies(l -> assertThat(l.quantity()).isEqualTo(2));
        assertThat(inventory.holdingsOf(child.id())).singleElement().satisfies(h -> {
            assertThat(h.reserved()).isZero();
            assertThat(h.backordered())
                    .as("the units kept back carry the backorder")
                    .isEqualTo(2);
        });
        Order parent = orders.get(caps.id());
        assertThat(parent.lines())
                .singleElement()
                .satisfies(l -> assertThat(l.quantity()).isEqualTo(3));
        assertThat(inventory.holdingsOf(caps.id())).singleElement().satisfies(h -> {
            assertThat(h.reserved()).isEqualTo(3);
            assertThat(h.backordered()).isZero();
        });
        assertThat(parent.total().minor() + child.total().minor())
                .as("nothing gained or lost but the shipping")
                .isEqualTo(caps.total().minor());
        assertThat(reserved("CAP-RED")).isEqualTo(3);

        long parentLine = parent.lines().get(0).id();
        assertThatThrownBy(() -> splits.split(lina, caps.id(), null, Map.of(parentLine, 4), "too many"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("quantity"));
        assertThatThrownBy(() -> splits.split(lina, caps.id(), null, Map.of(parentLine, 3), "all of it"))
                .isInstanceOfSatisfying(
                        ActionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo("order.refused.split-everything"));
    }
}
