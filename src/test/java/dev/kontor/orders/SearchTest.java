package dev.kontor.orders;

import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.customers.CustomerDetails;
import dev.kontor.customers.CustomerKind;
import dev.kontor.support.AnOrder;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.workbench.OrderFilter;
import dev.kontor.workbench.OrderLists;
import dev.kontor.workbench.OrderSort;
import dev.kontor.workbench.OrderSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one search box: an order by its number, the customer's name, phone, e-mail, payer account or an item code;
 * and the customer's orders counted on the order page. A hostile search string is only a string.
 */
@KontorTest
class SearchTest {

    @Autowired
    Orders orders;

    @Autowired
    OrderIntake orderIntake;

    @Autowired
    OrderEditing orderEditing;

    @Autowired
    OrderLists orderLists;

    @Autowired
    OrderLifecycle orderLifecycle;

    @Autowired
    Fixtures fixtures;

    Actor lina;
    Order taobao;
    Order other;

    @BeforeEach
    void setUp() {
        lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        CustomerDetails zhang = CustomerDetails.of(
                CustomerKind.PERSON,
                "张伟",
                null,
                "CN",
                "zh_CN",
                "zhang.wei@example.cn",
                "+86 138 0013 8000",
                null,
                "zhang.wei@163.com",
                "Alipay",
                Fixtures.address("张伟", "CN"));
        OrderInput base = Fixtures.input("TAOBAO", "3141592653589001", Fixtures.line("WLY0QU1098", 12900, 2));
        taobao = orderIntake
                .place(
                        lina,
                        AnOrder.from(base.channel())
                                .externalId(base.externalId())
                                .customer(OrderInput.CustomerChoice.create(zhang))
                                .shippingAddress(Fixtures.address("张伟", "CN"))
                                .currency("CNY")
                                .lines(base.lines())
                                .shipping(0L)
                                .paymentMethod("ALIPAY")
                                .build(),
                        false)
                .order();
        other = fixtures.order(lina, false);
    }

    private List<Long> search(String q) {
        return orderLists
                .list(
                        lina,
                        new OrderFilter(q, null, null, null, null, null, null, null),
                        OrderSort.PLACED,
                        true,
                        null,
                        50)
                .items()
                .stream()
                .map(OrderSummary::id)
                .toList();
    }

    @Test
    void findsAnOrderByEachKey() {
        assertThat(search(taobao.number())).containsExactly(taobao.id());
        assertThat(search("3141592653589001")).as("the channel's order id").containsExactly(taobao.id());
        assertThat(search("张")).as("part of the name").containsExactly(taobao.id());
        assertThat(search("138 0013 8000")).as("the phone, however written").containsExactly(taobao.id());
        assertThat(search("+86-138-0013-8000")).containsExactly(taobao.id());
        assertThat(search("ZHANG.WEI@example.cn")).as("the e-mail").containsExactly(taobao.id());
        assertThat(search("zhang.wei@163.com")).as("the Alipay account").containsExactly(taobao.id());
        assertThat(search("wly0qu1098")).as("an item code").containsExactly(taobao.id());
        assertThat(search("CAP-RED")).containsExactly(other.id());
    }

    @Test
    void aPhoneIsFoundHoweverItsCountryWritesIt() {
        Order german = orderIntake
                .place(
                        lina,
                        AnOrder.from("MANUAL")
                                .phone("+49 1705065756")
                                .lines(Fixtures.line("CAP-RED", 1500, 1))
                                .build(),
                        false)
                .order();
        Order national = orderIntake
                .place(
                        lina,
                        AnOrder.from("TAOBAO")
                                .externalId("3141592653589077")
                                .phone("13816575605")
                                .shippingAddress(Fixtures.address("王芳", "CN"))
                                .currency("CNY")
                                .lines(Fixtures.line("WLY0QU1098", 12900, 1))
                                .shipping(0L)
                                .build(),
                        false)
                .order();
        assertThat(german.content().phone()).as("kept in international format").isEqualTo("+49 170 5065756");
        assertThat(national.content().phone())
                .as("written without +86, kept the way its address's country reads it")
                .isEqualTo("+86 138 1657 5605");
        assertThat(search("0170 5065756")).as("the German national way").containsExactly(german.id());
        assertThat(search("0049 1705065756"))
                .as("with the international prefix")
                .containsExactly(german.id());
        assertThat(search("+49 170 506 5756")).containsExactly(german.id());
        assertThat(search("+86 13816575605"))
                .as("a Chinese number written without +86")
                .containsExactly(national.id());
        assertThat(search("0086 138 1657 5605")).containsExactly(national.id());
        assertThat(customers.search("138 0013 8000", 10))
                .as("a customer stored as +86 138 0013 8000, searched the national way")
                .extracting(dev.kontor.customers.Customer::name)
                .containsExactly("张伟");
    }

    @Autowired
    dev.kontor.customers.Customers customers;

    @Autowired
    dev.kontor.workbench.internal.SearchedNames searchedNames;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void partOfANameFindsItsOrdersAndAnOrderIsFoundByTheNameItHasNow() {
        assertThat(search("chmid")).as("inside a name, any case").containsExactly(other.id());
        assertThat(search("JANA SCHMIDT")).containsExactly(other.id());
        Order draft = fixtures.order(lina, true);
        assertThat(search("schmidt")).containsExactly(draft.id(), other.id());
        searchedNames.fold(); // what the job does every few seconds: the names move into the searched index
        assertThat(jdbc.sql("SELECT count(*) FROM order_customer_names WHERE name = 'jana schmidt'")
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(search("chmid")).as("folded, found the same").containsExactly(draft.id(), other.id());

        OrderInput was = Fixtures.input("MANUAL", null, Fixtures.line("SHIRT-BLUE-M", 2990, 2));
        CustomerDetails weber = CustomerDetails.of(
                CustomerKind.PERSON,
                "Jonas Weber",
                null,
                "DE",
                "de",
                "jonas@example.de",
                null,
                null,
                null,
                null,
                Fixtures.address("Jonas Weber", "DE"));
        orderEditing.edit(
                lina,
                draft.id(),
                null,
                AnOrder.from(was.channel())
                        .customer(OrderInput.CustomerChoice.create(weber))
                        .shippingAddress(Fixtures.address("Jonas Weber", "DE"))
                        .lines(was.lines())
                        .build());

        assertThat(search("weber")).containsExactly(draft.id());
        assertThat(search("schmidt")).as("not by the name it had").containsExactly(other.id());
    }

    @Test
    void hostileOrHugeSearchStringsAreHarmless() {
        for (String q :
                List.of("' OR 1=1 --", "%", "_", "\\\\", "<script>alert(1)</script>", "'; DROP TABLE orders; --")) {
            assertThat(search(q)).as(q).isEmpty();
        }
        assertThat(orderLists.count(lina, OrderFilter.all())).isEqualTo(2);
    }

    @Test
    void theCustomersOrdersAreCountedByWhatBecameOfThem() {
        Map<String, Long> counts = orders.customerCounts(lina, taobao.content().customerId());
        assertThat(counts)
                .containsEntry("all_orders", 1L)
                .containsEntry("paid", 0L)
                .containsEntry("cancelled", 0L);
        orderLifecycle.act(
                fixtures.user("wang.lei", Role.SUPERVISOR), taobao.id(), null, OrderAction.CANCEL, "duplicate");
        assertThat(orders.customerCounts(lina, taobao.content().customerId())).containsEntry("cancelled", 1L);
    }
}
