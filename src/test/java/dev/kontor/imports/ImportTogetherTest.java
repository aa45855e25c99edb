package dev.kontor.imports;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.bulk.BulkJobWorker;
import dev.kontor.catalog.Catalog;
import dev.kontor.catalog.Holding;
import dev.kontor.catalog.Inventory;
import dev.kontor.customers.Blacklist;
import dev.kontor.customers.Customer;
import dev.kontor.customers.CustomerDetails;
import dev.kontor.customers.CustomerKind;
import dev.kontor.customers.Customers;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.NoteKind;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderNote;
import dev.kontor.orders.OrderNotes;
import dev.kontor.orders.Orders;
import dev.kontor.orders.PaymentStatus;
import dev.kontor.payments.Payments;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.support.Outbox;
import dev.kontor.timeline.TimelineEntry;
import dev.kontor.web.Messages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A claimed batch of an import is committed together (orders, customers, payments, approvals, timeline in a few
 * statements per batch) and must come out as committing each order alone would: a returning buyer is one customer
 * even when both of their orders are new in the same batch, a blacklisted buyer's order arrives flagged and held,
 * the review rules approve the clean paid orders and reserve their stock, every order has its one payment and its
 * timeline in the order things happened.
 */
@KontorTest
class ImportTogetherTest {

    private static final Charset GBK = Charset.forName("GBK");

    @Autowired
    ImportStaging staging;

    @Autowired
    ImportCommits commits;

    @Autowired
    Imports imports;

    @Autowired
    ReviewRuleStore reviewRules;

    @Autowired
    BulkJobWorker worker;

    @Autowired
    Orders orders;

    @Autowired
    Payments payments;

    @Autowired
    OrderNotes notes;

    @Autowired
    Customers customers;

    @Autowired
    Blacklist blacklist;

    @Autowired
    Inventory inventory;

    @Autowired
    Catalog catalog;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Messages messages;

    @Autowired
    JdbcClient jdbc;

    Actor lina;

    @BeforeEach
    void setUp() {
        lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        fixtures.product("TEA", false, "TEA-0", "TEA-1", "TEA-2");
        for (String sku : List.of("TEA-0", "TEA-1", "TEA-2")) {
            fixtures.receive(sku, 100);
        }
        reviewRules.save(fixtures.user("boss", Role.ADMIN), true, false, Map.of());
    }

    @Test
    void aBatchCommittedTogetherComesOutAsOneByOne() {
        // order 2 is the buyer of order 1 again (same Alipay account): both new in this batch
        String ordersFile = GeneratedTaobao.orders(12)
                .replace("buyer2@alipay.cn", "buyer1@alipay.cn")
                // order 5's buyer wrote a message: a note, so a change to the order before it is paid and approved
                .replace(
                        "buyer5@alipay.cn,87.00元,10.00元,0,97.00元,0,97.00元,0,买家已付款，等待卖家发货,,",
                        "buyer5@alipay.cn,87.00元,10.00元,0,97.00元,0,97.00元,0,买家已付款，等待卖家发货,请用礼盒包装,");
        Customer known = customers.create(CustomerDetails.of(
                CustomerKind.PERSON,
                "Known Trouble",
                null,
                "CN",
                null,
                null,
                null,
                null,
                "buyer3@alipay.cn",
                "Alipay",
                null));
        blacklist.add(fixtures.user("sup", Role.SUPERVISOR), known.id(), "chargebacks", Blacklist.Scope.EVERYTHING);
        long id = stage(ordersFile, GeneratedTaobao.items(12));

        commits.commit(lina, id, null);
        worker.run();
        Outbox.awaitDelivered(jdbc);

        Reconciliation r = imports.reconciliation(lina, id);
        assertThat(r.imported()).isEqualTo(12);
        assertThat(order("9000000001").content().customerId())
                .as("one buyer, one customer")
                .isEqualTo(order("9000000002").content().customerId());

        Order caught = order("9000000003");
        assertThat(caught.content().customerId()).isEqualTo(known.id());
        assertThat(caught.lifecycle()).isEqualTo(LifecycleStatus.ON_HOLD);
        assertThat(orders.flagReason(caught.id())).contains("chargebacks");
        assertThat(imports.rows(lina, id, null, 0, 20))
                .filteredOn(row -> row.order().externalId().equals("9000000003"))
                .singleElement()
                .satisfies(row -> assertThat(messages.of(row.outcomeMessage())).contains("held"));

        Order clean = order("9000000004");
        assertThat(clean.lifecycle()).isEqualTo(LifecycleStatus.APPROVED);
        assertThat(clean.paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(payments.of(lina, clean.id())).singleElement().satisfies(p -> {
            assertThat(p.amount()).isEqualTo(9700);
            assertThat(p.reference()).isEqualTo("buyer4@alipay.cn");
        });
        assertThat(inventory.holdingsOf(clean.id()))
                .extracting(Holding::sku, Holding::reserved)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("TEA-0", 1),
                        org.assertj.core.groups.Tuple.tuple("TEA-1", 1),
                        org.assertj.core.groups.Tuple.tuple("TEA-2", 1));
        assertThat(orders.timeline(lina, clean.id()))
                .extracting(TimelineEntry::action)
                .containsExactly( // newest first
                        "order.imported", "payment.recorded", "order.approve", "order.created");

        Order withMessage = order("9000000005");
        assertThat(withMessage.paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(notes.of(lina, withMessage.id()))
                .extracting(OrderNote::kind, OrderNote::body)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NoteKind.BUYER, "请用礼盒包装"));
        assertThat(withMessage.lifecycle()).isEqualTo(LifecycleStatus.APPROVED);

        // eleven approved (all but the held one), one unit of each item each
        assertThat(inventory.total(catalog.variant("TEA-0").orElseThrow().id()).reserved())
                .isEqualTo(11);
        assertThat(jdbc.sql("SELECT count(*) FROM payments").query(Long.class).single())
                .isEqualTo(12);
    }

    @Test
    void paidOrdersBeyondTheStockAreImportedForReviewAndTheRestApproved() {
        inventory.adjust(fixtures.user("warehouse.lead", Role.WAREHOUSE), "TEA-0", null, -95, "stocktaking"); // 5 left
        long id = stage(GeneratedTaobao.orders(12), GeneratedTaobao.items(12));

        commits.commit(lina, id, null);
        worker.run();
        Outbox.awaitDelivered(jdbc);

        assertThat(imports.reconciliation(lina, id).imported())
                .as("every paid order is in")
                .isEqualTo(12);
        List<LifecycleStatus> states = java.util.stream.IntStream.rangeClosed(1, 12)
                .mapToObj(n -> order(Long.toString(9_000_000_000L + n)).lifecycle())
                .toList();
        assertThat(states).filteredOn(LifecycleStatus.APPROVED::equals).hasSize(5);
        assertThat(states).filteredOn(LifecycleStatus.NEW::equals).hasSize(7);
        assertThat(inventory.total(catalog.variant("TEA-0").orElseThrow().id()).reserved())
                .isEqualTo(5);
        assertThat(imports.rows(lina, id, null, 0, 20))
                .filteredOn(row -> messages.of(row.outcomeMessage()).contains("not enough in stock"))
                .hasSize(7);
    }

    private long stage(String ordersCsv, String itemsCsv) {
        byte[] o = ordersCsv.getBytes(GBK);
        byte[] i = itemsCsv.getBytes(GBK);
        return staging.stage(
                lina,
                List.of(
                        new Upload("ExportOrderList-together.csv", o.length, () -> new ByteArrayInputStream(o)),
                        new Upload("ExportOrderDetailList-together.csv", i.length, () -> new ByteArrayInputStream(i))),
                ImportChoice.NONE);
    }

    private Order order(String externalId) {
        String number =
                orders.numbersByExternalId("TAOBAO", List.of(externalId)).get(externalId);
        assertThat(number).as("order " + externalId).isNotNull();
        return orders.byNumber(lina, number).orElseThrow();
    }
}
