package dev.kontor.workbench;

import java.io.StringWriter;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.shared.ShopSettings;
import dev.kontor.support.AnOrder;
import dev.kontor.support.Api;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 001's daily reconciliation: the orders approved between 00:00 and 13:00, by payment method, listed by
 * approval time, counted and exported — the approval time being the first approval's, whatever came after.
 */
@KontorTest
class ApprovalTimeTest {

    @LocalServerPort
    int port;

    @Autowired
    OrderIntake intake;

    @Autowired
    OrderLifecycle lifecycle;

    @Autowired
    OrderLists lists;

    @Autowired
    OrderExport export;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    ShopSettings shop;

    Actor lina;
    Order alipayMorning;
    Order transferAfternoon;
    Order alipayNotApproved;

    private void at(String localTime) {
        clock.set(LocalDateTime.parse("2026-12-04T" + localTime)
                .atZone(shop.timeZone())
                .toInstant());
    }

    private Order place(String method) {
        return intake.place(
                        lina,
                        AnOrder.from("MANUAL")
                                .paymentMethod(method)
                                .lines(Fixtures.line("CAP-RED", 1500, 1))
                                .build(),
                        false)
                .order();
    }

    @BeforeEach
    void setUp() {
        lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        at("08:00");
        alipayMorning = place("ALIPAY");
        transferAfternoon = place("BANK_TRANSFER");
        alipayNotApproved = place("ALIPAY");
        at("09:30");
        lifecycle.act(lina, alipayMorning.id(), null, OrderAction.APPROVE, null);
        at("14:00");
        lifecycle.act(lina, transferAfternoon.id(), null, OrderAction.APPROVE, null);
        at("15:00"); // a hold and a release later: still approved at 09:30
        lifecycle.act(lina, alipayMorning.id(), null, OrderAction.HOLD, "customer called");
        lifecycle.act(lina, alipayMorning.id(), null, OrderAction.RELEASE, null);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    private List<String> numbers(OrderFilter filter, OrderSort sort) {
        return lists.list(lina, filter, sort, false, null, 50).items().stream()
                .map(OrderSummary::number)
                .toList();
    }

    @Test
    void theMorningsApprovalsAreListedCountedAndExported() {
        OrderFilter morning = OrderFilter.all()
                .paidByAndApproved(
                        Set.of(), LocalDateTime.parse("2026-12-04T00:00"), LocalDateTime.parse("2026-12-04T13:00"));
        assertThat(numbers(morning, OrderSort.PLACED)).containsExactly(alipayMorning.number());
        assertThat(lists.count(lina, morning)).isEqualTo(1);

        assertThat(numbers(OrderFilter.all(), OrderSort.APPROVED))
                .as("by approval time: the approved orders, first approved first")
                .containsExactly(alipayMorning.number(), transferAfternoon.number());
        assertThat(numbers(OrderFilter.all().paidByAndApproved(Set.of("alipay"), null, null), OrderSort.PLACED))
                .containsExactlyInAnyOrder(alipayMorning.number(), alipayNotApproved.number());

        StringWriter csv = new StringWriter();
        export.matching(lina, morning, csv);
        assertThat(csv.toString().lines()).hasSize(2);
        assertThat(csv.toString())
                .contains(",ALIPAY,"
                        + LocalDateTime.parse("2026-12-04T09:30")
                                .atZone(shop.timeZone())
                                .toInstant());
    }

    @Test
    void overTheApiTheWindowAndTheMethodFilterAndABadTimeIsNamed() {
        Api api = new Api(port).bearer(fixtures.token(lina));
        Api.Response morning =
                api.get("/api/orders?approvedFrom=2026-12-04T00:00&approvedTo=2026-12-04T13:00&method=ALIPAY");
        assertThat(morning.status()).isEqualTo(200);
        assertThat(morning.json().get("items")).hasSize(1);
        assertThat(morning.json().get("items").get(0).get("number").asString()).isEqualTo(alipayMorning.number());
        assertThat(morning.json().get("items").get(0).get("approvedAt").asString())
                .isNotBlank();

        Api.Response bad = api.get("/api/orders?approvedFrom=yesterday");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("approvedFrom");
    }
}
