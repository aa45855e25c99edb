package dev.kontor.payments;

import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.catalog.Catalog;
import dev.kontor.catalog.Inventory;
import dev.kontor.catalog.StockFigures;
import dev.kontor.fulfillment.ShipmentRequest;
import dev.kontor.fulfillment.Shipments;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.Orders;
import dev.kontor.orders.PaymentStatus;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.PermissionDeniedException;
import dev.kontor.support.Api;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Refunds line by line: what is refunded of each line, and what becomes of the goods (back to stock, to defective,
 * or nothing), always within what was ordered, shipped and paid, and only by finance.
 */
@KontorTest
class RefundTest {

    @LocalServerPort
    int port;

    @Autowired
    Payments payments;

    @Autowired
    Orders orders;

    @Autowired
    OrderIntake orderIntake;

    @Autowired
    OrderLifecycle orderLifecycle;

    @Autowired
    Shipments shipments;

    @Autowired
    Inventory inventory;

    @Autowired
    Catalog catalog;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Actor sven;
    Actor ingrid;
    Order order;
    long line;
    long tee;

    /** Three T-shirts at 29.90 ordered, paid (94.60 with shipping), two of them shipped. */
    @BeforeEach
    void setUp() {
        sven = fixtures.user("sven", Role.SALES);
        ingrid = fixtures.user("ingrid", Role.FINANCE);
        Actor jonas = fixtures.user("jonas", Role.WAREHOUSE);
        tee = fixtures.product("TEE", false, "TEE-S").variants().get(0).id();
        fixtures.receive("TEE-S", 5);
        order = orderIntake
                .place(sven, Fixtures.input("MANUAL", null, Fixtures.line("TEE-S", 2990, 3)), false)
                .order();
        orderLifecycle.act(sven, order.id(), null, OrderAction.APPROVE, null);
        payments.record(ingrid, order.id(), pay(order.total().minor()));
        line = order.lines().get(0).id();
        shipments.record(
                jonas, order.id(), new ShipmentRequest("DHL", null, null, List.of(new ShipmentRequest.Line(line, 2))));
    }

    private static PaymentRequest pay(long amount) {
        return new PaymentRequest(PaymentKind.PAYMENT, amount, "EUR", "BANK_TRANSFER", null, null, null, null);
    }

    private static PaymentRequest refund(Long amount, RefundLine... lines) {
        return new PaymentRequest(PaymentKind.REFUND, amount, "EUR", "BANK_TRANSFER", null, null, null, List.of(lines));
    }

    private long rows(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void eachLinesGoodsGoWhereFinanceSaysAndTheAmountDefaultsToTheirValue() {
        StockFigures before = inventory.total(tee);

        Payment refund =
                payments.record(ingrid, order.id(), refund(null, new RefundLine(line, 1, RefundGoods.RESTOCK)));
        assertThat(refund.amount()).as("one unit's value").isEqualTo(2990);
        assertThat(inventory.total(tee).onHand()).as("back on the shelf").isEqualTo(before.onHand() + 1);

        payments.record(ingrid, order.id(), refund(null, new RefundLine(line, 1, RefundGoods.DEFECTIVE)));
        assertThat(inventory.total(tee).defective()).isEqualTo(before.defective() + 1);
        assertThat(inventory.total(tee).onHand()).isEqualTo(before.onHand() + 1);

        payments.record(ingrid, order.id(), refund(3480L, new RefundLine(line, 1, RefundGoods.NONE)));
        assertThat(inventory.total(tee).onHand())
                .as("the unshipped unit changes no stock")
                .isEqualTo(before.onHand() + 1);

        Order refunded = orders.get(order.id());
        assertThat(refunded.refunded()).isEqualTo(2990 + 2990 + 3480);
        assertThat(refunded.paymentStatus()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(orders.timeline(ingrid, order.id()).get(0).details()).containsEntry("goods", "1 × TEE-S: NONE");
        assertThat(payments.refundLines(ingrid, order.id())).hasSize(3);
    }

    @Test
    void goodsComeBackOnlyAsFarAsTheyWereShippedAndRefundsStayWithinTheLine() {
        StockFigures before = inventory.total(tee);
        assertThatThrownBy(() ->
                        payments.record(ingrid, order.id(), refund(null, new RefundLine(line, 3, RefundGoods.RESTOCK))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("lines[0].quantity");
                            assertThat(p.code()).isEqualTo("validation.refund.more-than-shipped");
                        }));

        payments.record(ingrid, order.id(), refund(null, new RefundLine(line, 2, RefundGoods.RESTOCK)));
        assertThatThrownBy(() -> payments.record(
                        ingrid, order.id(), refund(null, new RefundLine(line, 1, RefundGoods.DEFECTIVE))))
                .as("both shipped units are back already")
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() ->
                        payments.record(ingrid, order.id(), refund(null, new RefundLine(line, 2, RefundGoods.NONE))))
                .as("only one unit is left to refund")
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("validation.refund.more-than-ordered"));
        assertThat(inventory.total(tee).onHand()).isEqualTo(before.onHand() + 2);
        assertThat(rows("refund_lines")).isEqualTo(1);
    }

    @Test
    void badRefundsAreRefusedByFieldAndNothingIsWritten() {
        long payments0 = rows("payments");
        assertThatThrownBy(() ->
                        payments.record(ingrid, order.id(), refund(order.total().minor() + 1)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("amount"));
        assertThatThrownBy(() -> payments.record(
                        ingrid, order.id(), refund(null, new RefundLine(999_999L, 1, RefundGoods.NONE))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("lines[0].orderLineId"));
        assertThatThrownBy(() -> payments.record(
                        ingrid,
                        order.id(),
                        refund(
                                null,
                                new RefundLine(line, 1, RefundGoods.NONE),
                                new RefundLine(line, 1, RefundGoods.NONE))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> payments.record(
                        ingrid,
                        order.id(),
                        new PaymentRequest(
                                PaymentKind.PAYMENT,
                                100L,
                                "EUR",
                                "CARD",
                                null,
                                null,
                                null,
                                List.of(new RefundLine(line, 1, RefundGoods.NONE)))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("lines"));
        assertThatThrownBy(() -> payments.record(
                        ingrid,
                        order.id(),
                        new PaymentRequest(PaymentKind.REFUND, 100L, "USD", "CARD", null, null, null, null)))
                .as("refunds are in the currency that was paid")
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("currency"));
        assertThatThrownBy(() ->
                        payments.record(sven, order.id(), refund(null, new RefundLine(line, 1, RefundGoods.RESTOCK))))
                .as("only finance gives money back")
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(rows("payments")).isEqualTo(payments0);
        assertThat(rows("refund_lines")).isZero();
    }

    @Test
    void aRefundWithLinesOverTheApiNamesTheFieldWhenItIsWrong() {
        Api api = new Api(port).bearer(fixtures.token(ingrid));
        String path = "/api/orders/" + order.id() + "/refunds";
        Api.Response refused = api.post(
                path,
                Map.of(
                        "currency",
                        "EUR",
                        "method",
                        "BANK_TRANSFER",
                        "lines",
                        List.of(Map.of("orderLineId", line, "quantity", 5, "goods", "RESTOCK"))));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("lines[0].quantity");

        Api.Response done = api.post(
                path,
                Map.of(
                        "currency",
                        "EUR",
                        "method",
                        "BANK_TRANSFER",
                        "lines",
                        List.of(Map.of("orderLineId", line, "quantity", 1, "goods", "DEFECTIVE"))));
        assertThat(done.status()).as(done.body()).isEqualTo(201);
        assertThat(done.json().get("amount").asLong()).isEqualTo(2990);
    }
}
