package dev.kontor.customers;

import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.Orders;
import dev.kontor.support.AnOrder;
import dev.kontor.support.Api;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.kontor.support.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two records of one buyer — the marketplace one with an Alipay account, the one customer service typed in — are
 * merged: the orders, the blacklist mark and the contacts the kept record lacks move to it, each order's timeline and
 * the customer's history say so, and the duplicate is gone. Merging a customer with itself, or with one that does not
 * exist, is refused naming the field; a role without the right is refused.
 */
@KontorTest
class CustomerMergeTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Customers customers;

    @Autowired
    Blacklist blacklist;

    @Autowired
    OrderIntake intake;

    @Autowired
    Orders orders;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDuplicatesOrdersContactsAndMarksMoveToTheKeptCustomer() {
        Actor lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        Customer typed = customers.create(CustomerDetails.of(
                CustomerKind.PERSON,
                "王小明",
                null,
                "CN",
                "zh_CN",
                "xiaoming@example.cn",
                "13816575605",
                null,
                null,
                null,
                Fixtures.address("王小明", "CN")));
        Customer market = customers.create(CustomerDetails.of(
                CustomerKind.PERSON,
                "tb_xiaoming",
                null,
                "CN",
                null,
                "XiaoMing@example.cn",
                null,
                null,
                "xiaoming@alipay.cn",
                "Alipay",
                Fixtures.address("王小明", "CN")));
        Order first = intake.place(
                        lina,
                        AnOrder.from("TAOBAO")
                                .externalId("T-1")
                                .customer(market.id())
                                .lines(line("TEA", 2900, 1))
                                .build(),
                        false)
                .order();
        Order second = intake.place(
                        lina,
                        AnOrder.from("TAOBAO")
                                .externalId("T-2")
                                .customer(market.id())
                                .lines(line("TEA", 2900, 2))
                                .build(),
                        false)
                .order();
        blacklist.add(fixtures.user("sup", Role.SUPERVISOR), market.id(), "chargeback", Blacklist.Scope.CUSTOMER_ONLY);
        Api api = new Api(port).bearer(fixtures.token(lina));

        Api.Response merged = api.post("/api/customers/" + typed.id() + "/merge", Map.of("mergeId", market.id()));

        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        Customer kept = customers.get(typed.id());
        assertThat(kept.contacts())
                .extracting(Contact::kind, Contact::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ContactKind.EMAIL, "xiaoming@example.cn"),
                        org.assertj.core.groups.Tuple.tuple(ContactKind.PHONE, "+86 138 1657 5605"),
                        org.assertj.core.groups.Tuple.tuple(ContactKind.PAYER_ACCOUNT, "xiaoming@alipay.cn"));
        assertThat(kept.addresses()).as("the same address once").hasSize(1);
        assertThat(customers.find(market.id())).isEmpty();
        for (Order o : new Order[] {first, second}) {
            Order now = orders.get(o.id());
            assertThat(now.content().customerId()).isEqualTo(typed.id());
            assertThat(now.content().customerName()).as("the name as placed").isEqualTo("tb_xiaoming");
            assertThat(now.version()).isEqualTo(o.version() + 1);
            assertThat(orders.timeline(lina, o.id()))
                    .extracting(TimelineEntry::action)
                    .first()
                    .isEqualTo("order.customer-merged");
        }
        assertThat(blacklist.of(typed.id())).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo("CUSTOMER");
            assertThat(m.value()).isEqualTo(String.valueOf(typed.id()));
        });
        assertThat(customers.timeline(typed.id())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("customer.merged");
            assertThat(e.details()).containsEntry("merged", "tb_xiaoming (#" + market.id() + ")");
        });
        assertThat(customers.idsByAccount("xiaoming@alipay.cn"))
                .as("the next import finds the kept customer by the Alipay account")
                .containsExactly(typed.id());
    }

    @Test
    void aMergeThatCannotBeIsRefusedNamingTheField() {
        Actor lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        Customer one = customers.create(CustomerDetails.of(
                CustomerKind.PERSON, "Jana", null, "DE", null, "jana@example.de", null, null, null, null, null));
        Api api = new Api(port).bearer(fixtures.token(lina));

        Api.Response self = api.post("/api/customers/" + one.id() + "/merge", Map.of("mergeId", one.id()));
        assertThat(self.status()).isEqualTo(422);
        assertThat(self.json().get("errors").get(0).get("field").asText()).isEqualTo("mergeId");

        Api.Response unknown = api.post("/api/customers/" + one.id() + "/merge", Map.of("mergeId", 999_999));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("mergeId");

        Api.Response refused = new Api(port)
                .bearer(fixtures.token(fixtures.user("jonas", Role.WAREHOUSE)))
                .post("/api/customers/" + one.id() + "/merge", Map.of("mergeId", one.id()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(customers.get(one.id()).version()).isZero();
    }
}
