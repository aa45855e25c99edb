package dev.kontor.orders;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.support.Api;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order desk's "received" (seed 003, 已接收) over the API: marked once, by the roles the permission table names,
 * in the order's timeline; from then on the salesperson responsible voids it only with a supervisor's approval.
 */
@KontorTest
class OrderReceivedTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Orders orders;

    @Autowired
    OrderLifecycle lifecycle;

    @Test
    void theOrderDeskReceivesAnOrderOnceAndSalesThenVoidItOnlyWithApproval() {
        Actor sven = fixtures.user("sven", Role.SALES);
        Actor lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        Actor jonas = fixtures.user("jonas", Role.WAREHOUSE);
        Order order = fixtures.order(sven, false);
        Api desk = new Api(port).bearer(fixtures.token(lina));

        Api.Response refused =
                new Api(port).bearer(fixtures.token(jonas)).post("/api/orders/" + order.id() + "/receive", null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("permission").asText()).isEqualTo("ORDER_RECEIVE");

        Api.Response received = desk.header("If-Match", "\"" + order.version() + "\"")
                .post("/api/orders/" + order.id() + "/receive", null);
        assertThat(received.status()).as(received.body()).isEqualTo(200);
        assertThat(received.json().get("received").get("by").asText()).isEqualTo("Li.na");
        assertThat(orders.timeline(lina, order.id()))
                .extracting(TimelineEntry::action)
                .first()
                .isEqualTo("order.received");

        Api.Response again = desk.without("If-Match").post("/api/orders/" + order.id() + "/receive", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("Li.na");

        ActionOutcome voided = lifecycle.act(sven, order.id(), null, OrderAction.CANCEL, "customer changed their mind");
        assertThat(voided.isPendingApproval()).isTrue();
        assertThat(orders.get(order.id()).lifecycle()).isEqualTo(LifecycleStatus.NEW);
    }
}
