package dev.kontor.fulfillment;

import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.Orders;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.support.Api;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Seed 001: "快递方式：可以修改成申通、圆通、顺丰等" — customer service changes the carrier on the order when the customer
 * asks, until something ships; the timeline says from which to which, and the warehouse queue follows.
 */
@KontorTest
class CarrierChoiceTest {

    @LocalServerPort
    int port;

    @Autowired
    CarrierChoice choice;

    @Autowired
    OrderIntake intake;

    @Autowired
    OrderLifecycle lifecycle;

    @Autowired
    Orders orders;

    @Autowired
    WarehouseQueue queue;

    @Autowired
    Fixtures fixtures;

    Actor lina;
    Order order;

    @BeforeEach
    void setUp() {
        lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        fixtures.product("CAP", false, "CAP-RED");
        fixtures.receive("CAP-RED", 5);
        order = intake.place(lina, Fixtures.input("MANUAL", null, Fixtures.line("CAP-RED", 1500, 1)), false)
                .order();
    }

    @Test
    void theCarrierChangesUntilSomethingShipsWithBeforeAndAfterInTheTimeline() {
        choice.change(lina, order.id(), order.version(), "YTO");
        Order changed = choice.change(lina, order.id(), null, "SF Express");
        assertThat(orders.plannedCarrier(order.id())).contains("SF");
        assertThat(changed.version()).isGreaterThan(order.version());
        assertThat(orders.timeline(lina, order.id()).get(0)).satisfies(e -> {
            assertThat(e.action()).isEqualTo("order.carrier-changed");
            assertThat(e.changes()).singleElement().satisfies(c -> {
                assertThat(c.before()).isEqualTo("YTO Express");
                assertThat(c.after()).isEqualTo("SF Express");
            });
        });

        assertThatThrownBy(() -> choice.change(lina, order.id(), null, "Pigeon Post"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("carrier"));
        assertThatThrownBy(() -> choice.change(lina, order.id(), order.version(), "STO"))
                .as("someone changed it since")
                .isInstanceOf(dev.kontor.shared.StaleVersionException.class);

        Actor boss = fixtures.user("wang.lei", Role.SUPERVISOR);
        lifecycle.act(boss, order.id(), null, OrderAction.APPROVE, null);
        fixtures.ship(fixtures.user("jonas", Role.WAREHOUSE), order.id());
        assertThatThrownBy(() -> choice.change(lina, order.id(), null, "STO"))
                .isInstanceOfSatisfying(
                        ActionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo("order.refused.carrier-shipped"));
    }

    @Test
    void overTheApiWithIfMatch() {
        Api api = new Api(port).bearer(fixtures.token(lina));
        Api.Response stale = api.header("If-Match", "\"999\"")
                .put("/api/orders/" + order.id() + "/carrier", Map.of("carrier", "YTO"));
        assertThat(stale.status()).isEqualTo(412);
        Api fresh = new Api(port).bearer(fixtures.token(lina));
        Api.Response done = fresh.put("/api/orders/" + order.id() + "/carrier", Map.of("carrier", "ZTO"));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().get("carrier").asString()).isEqualTo("ZTO Express");
        assertThat(done.header("ETag")).isNotBlank();
        Api.Response unknown = fresh.put("/api/orders/" + order.id() + "/carrier", Map.of("carrier", "Pigeon"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("carrier", "SF Express");
    }
}
