package dev.kontor.fulfillment;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.catalog.Catalog;
import dev.kontor.catalog.Inventory;
import dev.kontor.orders.FulfilmentStatus;
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
import dev.kontor.payments.PaymentRequest;
import dev.kontor.payments.Payments;
import dev.kontor.payments.RefundGoods;
import dev.kontor.payments.RefundLine;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.PermissionDeniedException;
import dev.kontor.support.AnOrder;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.support.MutableClock;
import dev.kontor.workbench.OrderFilter;
import dev.kontor.workbench.OrderLists;
import dev.kontor.workbench.OrderSort;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The warehouse's side: what is ready to ship, shipping it in parts with a checked carrier and tracking number,
 * finding it again by that number, and shipping many orders from a file exactly once.
 */
@KontorTest
class FulfilmentTest {

    @Autowired
    Orders orders;

    @Autowired
    OrderIntake orderIntake;

    @Autowired
    OrderLifecycle orderLifecycle;

    @Autowired
    OrderNotes orderNotes;

    @Autowired
    OrderLists orderLists;

    @Autowired
    Payments payments;

    @Autowired
    Shipments shipments;

    @Autowired
    WarehouseQueue queue;

    @Autowired
    BulkShipment bulk;

    @Autowired
    Carriers carriers;

    @Autowired
    Returns returns;

    @Autowired
    Inventory inventory;

    @Autowired
    Catalog catalog;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    Actor sven;
    Actor ingrid;
    Actor jonas;

    @BeforeEach
    void setUp() {
        sven = fixtures.user("sven", Role.SALES, Role.SUPERVISOR);
        ingrid = fixtures.user("ingrid", Role.FINANCE);
        jonas = fixtures.user("jonas", Role.WAREHOUSE);
        fixtures.product("TEE", false, "TEE-S", "TEE-M", "TEE-L");
        fixtures.product("SOCK", true, "SOCK-1");
        for (String sku : List.of("TEE-S", "TEE-M", "TEE-L")) {
            fixtures.receive(sku, 20);
        }
    }

    /** An approved order; paid in full unless told otherwise. */
    private Order approved(
            String channel, boolean paid, PaymentTerms terms, String method, OrderInput.LineInput... lines) {
        OrderInput base = Fixtures.input(channel, channel.equals("MANUAL") ? null : "X" + System.nanoTime(), lines);
        OrderInput input = AnOrder.from(base.channel())
                .externalId(base.externalId())
                .customer(base.customer())
                .shippingAddress(base.shippingAddress())
                .lines(base.lines())
                .paymentMethod(method)
                .terms(terms)
                .build();
        Order order = orderIntake.place(sven, input, false).order();
        order = orderLifecycle
                .act(sven, order.id(), null, OrderAction.APPROVE, null)
                .order();
        if (paid) {
            payments.record(
                    ingrid,
                    order.id(),
                    new PaymentRequest(
                            PaymentKind.PAYMENT, order.total().minor(), "EUR", "CARD", null, null, null, null));
        }
        clock.advance(Duration.ofMinutes(1));
        return orders.get(order.id());
    }

    private Order threeLines() {
        return approved(
                "MANUAL",
                true,
                null,
                null,
                Fixtures.line("TEE-S", 2990, 1),
                Fixtures.line("TEE-M", 2990, 2),
                Fixtures.line("TEE-L", 2990, 1));
    }

    private long rows(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private ShipmentRequest all(Order order, String carrier, String tracking) {
        return new ShipmentRequest(
                carrier,
                tracking,
                null,
                order.lines().stream()
                        .filter(l -> l.openQuantity() > 0)
                        .map(l -> new ShipmentRequest.Line(l.id(), l.openQuantity()))
                        .toList());
    }

    @Test
    void theQueueHoldsWhatCanShipNowOldestFirstWithItsShippingNotes() {
        Order paid = approved("MANUAL", true, null, null, Fixtures.line("TEE-S", 2990, 1));
        Order unpaid = approved("EBAY", false, null, null, Fixtures.line("TEE-S", 2990, 1));
        Order onTerms = approved(
                "MANUAL", false, PaymentTerms.of(PaymentTerms.Kind.NET_30), null, Fixtures.line("TEE-M", 2990, 1));
        Order cashOnDelivery = approved("TAOBAO", false, null, "CASH_ON_DELIVERY", Fixtures.line("TEE-M", 2990, 1));
        Order held = approved("MANUAL", true, null, null, Fixtures.line("TEE-L", 2990, 1));
        orderLifecycle.act(sven, held.id(), null, OrderAction.HOLD, "address unclear");
        Order backordered = approved("MANUAL", true, null, null, Fixtures.line("SOCK-1", 990, 2));
        Order draft = orderIntake
                .place(sven, Fixtures.input("MANUAL", null, Fixtures.line("TEE-S", 2990, 1)), true)
                .order();
        Order done = approved("MANUAL", true, null, null, Fixtures.line("TEE-L", 2990, 1));
        shipments.record(jonas, done.id(), all(done, "DHL", null));
        orderNotes.add(sven, paid.id(), NoteKind.SHIPPING, "Fragile – pack in the blue box");

        WarehouseQueue.View view = queue.view(jonas, null, null);

        assertThat(view.entries())
                .extracting(e -> e.order().number())
                .containsExactly(paid.number(), onTerms.number(), cashOnDelivery.number());
        assertThat(view.entries().get(0).shippingNotes())
                .extracting(n -> n.body())
                .containsExactly("Fragile – pack in the blue box");
        assertThat(view.byChannel()).containsExactlyInAnyOrderEntriesOf(Map.of("MANUAL", 2L, "TAOBAO", 1L));
        assertThat(view.byCarrier()).containsExactlyEntriesOf(Map.of("", 3L));
        assertThat(view.waitingForStock())
                .as(backordered.number() + " waits for socks")
                .isEqualTo(1);
        assertThat(queue.view(jonas, null, "TAOBAO").entries())
                .singleElement()
                .satisfies(e -> assertThat(e.order().id()).isEqualTo(cashOnDelivery.id()));
        assertThat(view.entries())
                .extracting(e -> e.order().id())
                .doesNotContain(unpaid.id(), held.id(), backordered.id(), draft.id(), done.id());
    }

    @Test
    void anOrderShipsInPartsAndIsFoundByItsTrackingNumber() {
        Order order = threeLines();
        long s = order.lines().get(0).id();
        long m = order.lines().get(1).id();

        shipments.record(
                jonas,
                order.id(),
                new ShipmentRequest(
                        "dhl",
                        "jjd 0001 2345 6789",
                        null,
                        List.of(new ShipmentRequest.Line(s, 1), new ShipmentRequest.Line(m, 2))));
        Order partly = orders.get(order.id());
        assertThat(partly.fulfilmentStatus()).isEqualTo(FulfilmentStatus.PARTIALLY_SHIPPED);
        assertThat(queue.view(jonas, null, null).entries())
                .singleElement()
                .satisfies(e -> assertThat(e.order().openUnits())
                        .as("the rest stays in the queue")
                        .isEqualTo(1));

        shipments.record(jonas, order.id(), all(partly, "UPS", "1Z999AA10123456784"));
        assertThat(orders.get(order.id()).fulfilmentStatus()).isEqualTo(FulfilmentStatus.SHIPPED);
        assertThat(queue.view(jonas, null, null).entries()).isEmpty();
        assertThat(shipments.of(jonas, order.id()))
                .extracting(Shipment::carrier, Shipment::trackingNumber)
                .containsExactly(Tuple.tuple("DHL", "JJD000123456789"), Tuple.tuple("UPS", "1Z999AA10123456784"));

        for (String search : List.of("JJD000123456789", "jjd000123456789", "1Z999AA10123456784")) {
            assertThat(orderLists
                            .list(
                                    sven,
                                    new OrderFilter(search, null, null, null, null, null, null, null),
                                    OrderSort.PLACED,
                                    true,
                                    null,
                                    10)
                            .items())
                    .as(search)
                    .extracting(o -> o.id())
                    .containsExactly(order.id());
        }
    }

    @Test
    void everyBadShipmentIsRefusedWithItsReasonAndNothingChanges() {
        Order order = threeLines();
        long line = order.lines().get(0).id();
        long before = rows("shipments");
        List<ShipmentRequest.Line> one = List.of(new ShipmentRequest.Line(line, 1));

        assertThatThrownBy(
                        () -> shipments.record(jonas, order.id(), new ShipmentRequest("Pony Express", null, null, one)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("carrier"));
        assertThatThrownBy(() ->
                        shipments.record(jonas, order.id(), new ShipmentRequest("SF Express", "12345", null, one)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems().get(0).field()).isEqualTo("trackingNumber");
                    assertThat(e.problems().get(0).args()).containsExactly("12345", "SF Express");
                });
        assertThatThrownBy(() -> shipments.record(
                        jonas,
                        order.id(),
                        new ShipmentRequest("DHL", null, null, List.of(new ShipmentRequest.Line(line, 2)))))
                .as("more than ordered")
                .isInstanceOf(ActionRefusedException.class);
        orderLifecycle.act(sven, order.id(), null, OrderAction.HOLD, "customer called");
        assertThatThrownBy(() -> shipments.record(jonas, order.id(), new ShipmentRequest("DHL", null, null, one)))
                .as("on hold")
                .isInstanceOf(ActionRefusedException.class);
        orderLifecycle.act(sven, order.id(), null, OrderAction.RELEASE, null);

        Order unpaid = approved("MANUAL", false, null, null, Fixtures.line("TEE-S", 2990, 1));
        orderLifecycle.act(sven, unpaid.id(), null, OrderAction.CANCEL, "no longer wanted");
        assertThatThrownBy(() -> shipments.record(jonas, unpaid.id(), all(unpaid, "DHL", null)))
                .as("cancelled")
                .isInstanceOf(ActionRefusedException.class);
        assertThatThrownBy(() -> shipments.record(ingrid, order.id(), new ShipmentRequest("DHL", null, null, one)))
                .as("only the warehouse ships")
                .isInstanceOf(PermissionDeniedException.class);

        assertThat(rows("shipments")).isEqualTo(before);
        assertThat(orders.get(order.id()).fulfilmentStatus()).isEqualTo(FulfilmentStatus.UNFULFILLED);
    }

    @Test
    void aBulkFileShipsItsGoodRowsReportsTheBadOnesByLineAndShipsNothingTwice() {
        Order first = approved("MANUAL", true, null, null, Fixtures.line("TEE-S", 2990, 2));
        Order second = approved("MANUAL", true, null, null, Fixtures.line("TEE-M", 2990, 1));
        Order third = approved("MANUAL", true, null, null, Fixtures.line("TEE-M", 2990, 1));
        Order unpaidOnHold = approved("MANUAL", true, null, null, Fixtures.line("TEE-L", 2990, 1));
        orderLifecycle.act(sven, unpaidOnHold.id(), null, OrderAction.HOLD, "check address");
        String csv = "order,carrier,tracking\n"
                + first.number() + ",DHL,JJD0001111111\n"
                + second.number().toLowerCase() + ",UPS,1Z999AA10123456784\n"
                + "SO-999999,DHL,JJD0002222222\n"
                + unpaidOnHold.number() + ",DHL,JJD0003333333\n"
                + third.number() + ",SF Express,12345\n"
                + ",DHL,JJD0004444444\n"
                + first.number() + ",DHL,JJD0005555555\n";

        BulkShipment.Report report = bulk.ship(jonas, new StringReader(csv));

        assertThat(report.rows())
                .extracting(BulkShipment.Row::line, BulkShipment.Row::outcome)
                .containsExactly(
                        Tuple.tuple(2L, BulkShipment.Outcome.SHIPPED),
                        Tuple.tuple(3L, BulkShipment.Outcome.SHIPPED),
                        Tuple.tuple(4L, BulkShipment.Outcome.FAILED),
                        Tuple.tuple(5L, BulkShipment.Outcome.FAILED),
                        Tuple.tuple(6L, BulkShipment.Outcome.FAILED),
                        Tuple.tuple(7L, BulkShipment.Outcome.FAILED),
                        Tuple.tuple(8L, BulkShipment.Outcome.FAILED));
        assertThat(report.rows().get(2).messageKey()).isEqualTo("bulk-ship.unknown-order");
        assertThat(report.rows().get(3).messageKey()).isEqualTo("order.refused.ship-not-approved");
        assertThat(report.rows().get(4).messageKey()).isEqualTo("validation.tracking.pattern");
        assertThat(report.rows().get(5).messageKey()).isEqualTo("bulk-ship.no-order-number");
        assertThat(report.rows().get(6).messageKey())
                .as("a second parcel for a shipped order")
                .isEqualTo("bulk-ship.nothing-open");
        assertThat(orders.get(first.id()).fulfilmentStatus()).isEqualTo(FulfilmentStatus.SHIPPED);
        long shipped = rows("shipments");

        BulkShipment.Report again = bulk.ship(jonas, new StringReader(csv));
        assertThat(again.count(BulkShipment.Outcome.ALREADY_SHIPPED)).isEqualTo(2);
        assertThat(again.count(BulkShipment.Outcome.SHIPPED)).isZero();
        assertThat(rows("shipments")).as("uploaded twice, shipped once").isEqualTo(shipped);
    }

    @Test
    void deliveredAndReturnedGoodsGoWhereTheWarehouseSaysAndFinanceSeesWhatToRefund() {
        Order order = threeLines();
        long s = order.lines().get(0).id();
        long m = order.lines().get(1).id();
        long l = order.lines().get(2).id();
        assertThatThrownBy(() -> returns.delivered(jonas, order.id()))
                .as("nothing shipped yet")
                .isInstanceOf(ActionRefusedException.class);
        shipments.record(jonas, order.id(), all(order, "DHL", "JJD0001234567"));
        returns.delivered(jonas, order.id());
        assertThat(orders.get(order.id()).fulfilmentStatus()).isEqualTo(FulfilmentStatus.DELIVERED);

        long idS = catalog.variant("TEE-S").orElseThrow().id();
        long idM = catalog.variant("TEE-M").orElseThrow().id();
        long idL = catalog.variant("TEE-L").orElseThrow().id();
        var beforeS = inventory.total(idS);
        var beforeM = inventory.total(idM);
        var beforeL = inventory.total(idL);

        returns.receive(
                jonas,
                order.id(),
                new ReturnRequest(
                        "wrong size",
                        List.of(
                                new ReturnRequest.Line(s, 1, ReturnDisposition.RESTOCK),
                                new ReturnRequest.Line(m, 1, ReturnDisposition.DEFECTIVE),
                                new ReturnRequest.Line(l, 1, ReturnDisposition.SCRAP))));

        assertThat(inventory.total(idS).onHand()).as("back on the shelf").isEqualTo(beforeS.onHand() + 1);
        assertThat(inventory.total(idM).defective()).isEqualTo(beforeM.defective() + 1);
        assertThat(inventory.total(idM).onHand()).isEqualTo(beforeM.onHand());
        assertThat(inventory.total(idL)).as("scrapped: no stock effect").isEqualTo(beforeL);
        Order back = orders.get(order.id());
        assertThat(back.fulfilmentStatus()).isEqualTo(FulfilmentStatus.PARTIALLY_RETURNED);
        assertThat(back.lines()).extracting(OrderLine::returnedQuantity).containsExactly(1, 1, 1);
        assertThat(payments.backNotRefunded(ingrid, order.id()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(s, 1, m, 1, l, 1));
        assertThat(orders.timeline(jonas, order.id()).get(0).action()).isEqualTo("return.received");

        assertThatThrownBy(() -> returns.receive(
                        jonas,
                        order.id(),
                        new ReturnRequest("again", List.of(new ReturnRequest.Line(s, 1, ReturnDisposition.RESTOCK)))))
                .as("the only unit of S is back already")
                .isInstanceOf(ActionRefusedException.class);
        assertThatThrownBy(() -> returns.receive(
                        jonas,
                        order.id(),
                        new ReturnRequest(" ", List.of(new ReturnRequest.Line(m, 1, ReturnDisposition.RESTOCK)))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("reason"));
        assertThatThrownBy(() -> returns.receive(
                        ingrid,
                        order.id(),
                        new ReturnRequest("x", List.of(new ReturnRequest.Line(m, 1, ReturnDisposition.RESTOCK)))))
                .isInstanceOf(PermissionDeniedException.class);

        payments.record(
                ingrid,
                order.id(),
                new PaymentRequest(
                        PaymentKind.REFUND,
                        null,
                        "EUR",
                        "CARD",
                        null,
                        null,
                        null,
                        List.of(new RefundLine(s, 1, RefundGoods.NONE))));
        assertThat(payments.backNotRefunded(ingrid, order.id())).doesNotContainKey(s);
        assertThatThrownBy(() -> payments.record(
                        ingrid,
                        order.id(),
                        new PaymentRequest(
                                PaymentKind.REFUND,
                                null,
                                "EUR",
                                "CARD",
                                null,
                                null,
                                null,
                                List.of(new RefundLine(s, 1, RefundGoods.RESTOCK)))))
                .as("a refund cannot take back goods the warehouse already took back")
                .isInstanceOf(InvalidInputException.class);

        returns.receive(
                jonas,
                order.id(),
                new ReturnRequest("rest", List.of(new ReturnRequest.Line(m, 1, ReturnDisposition.RESTOCK))));
        assertThat(orders.get(order.id()).fulfilmentStatus()).isEqualTo(FulfilmentStatus.RETURNED);
    }

    @Test
    void adminsKeepTheCarrierListAndItsPatterns() {
        Actor admin = fixtures.user("root", Role.ADMIN);
        Carrier gls = carriers.save(admin, "gls", "GLS", "^[0-9]{11}$", true);
        assertThat(gls.code()).isEqualTo("GLS");
        Order order = threeLines();
        assertThatThrownBy(() -> shipments.record(jonas, order.id(), all(order, "GLS", "ABC")))
                .isInstanceOf(InvalidInputException.class);
        shipments.record(jonas, order.id(), all(order, "gls", "123 4567 8901"));

        assertThatThrownBy(() -> carriers.save(admin, "BAD", "Bad", "[unclosed", true))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("trackingPattern"));
        assertThatThrownBy(() -> carriers.save(admin, "DHL2", "dhl", null, true))
                .as("name taken")
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> carriers.save(jonas, "GLS", "GLS", null, false))
                .isInstanceOf(PermissionDeniedException.class);
        carriers.save(admin, "GLS", "GLS", "^[0-9]{11}$", false);
        Order next = threeLines();
        assertThatThrownBy(() -> shipments.record(jonas, next.id(), all(next, "GLS", "12345678901")))
                .as("a carrier no longer offered")
                .isInstanceOf(InvalidInputException.class);
    }
}
