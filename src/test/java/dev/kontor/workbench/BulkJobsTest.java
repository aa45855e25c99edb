package dev.kontor.workbench;

import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.bulk.BulkItemStatus;
import dev.kontor.bulk.BulkJob;
import dev.kontor.bulk.BulkJobWorker;
import dev.kontor.bulk.BulkJobs;
import dev.kontor.bulk.internal.BulkJobRepository;
import dev.kontor.catalog.Inventory;
import dev.kontor.catalog.StockFigures;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderInput;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.Orders;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.NotFoundException;
import dev.kontor.support.AnOrder;
import dev.kontor.support.Api;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.support.MutableClock;
import dev.kontor.web.Messages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bulk actions: each order with its own rule, permission, timeline entry and result; worked off exactly once. */
@KontorTest
class BulkJobsTest {

    @LocalServerPort
    int port;

    @Autowired
    Orders orders;

    @Autowired
    OrderIntake orderIntake;

    @Autowired
    OrderLifecycle orderLifecycle;

    @Autowired
    OrderLists orderLists;

    @Autowired
    BulkJobs bulk;

    @Autowired
    OrderBulk orderBulk;

    @Autowired
    Messages messages;

    @Autowired
    BulkJobWorker worker;

    @Autowired
    OrderExport export;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BulkJobRepository items;

    @Autowired
    MutableClock clock;

    @Autowired
    Inventory inventory;

    @Autowired
    TransactionTemplate transaction;

    Actor lina;

    @BeforeEach
    void setUp() {
        lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
    }

    private Order placed(String channel) {
        return orderIntake
                .place(lina, Fixtures.input(channel, null, Fixtures.line("MUG", 1200, 1)), false)
                .order();
    }

    private List<Order> placed(int n) {
        List<Order> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(placed("MANUAL"));
        }
        return list;
    }

    private long entries(long orderId, String action) {
        return orders.timeline(lina, orderId).stream()
                .filter(e -> e.action().equals(action))
                .count();
    }

    @Test
    void aRefusalReadsInTheLanguageOfWhoeverReadsTheJobNotOfWhoStartedIt() {
        Order cancelled = placed("MANUAL");
        orderLifecycle.act(
                fixtures.user("boss", Role.SUPERVISOR), cancelled.id(), null, OrderAction.CANCEL, "changed mind");
        BulkJob job = orderBulk.start(lina, BulkAction.APPROVE, null, List.of(cancelled.id()));
        worker.run();

        Api supervisor = new Api(port).bearer(fixtures.token(fixtures.user("wang", Role.SUPERVISOR)));
        String path = "/api/bulk-jobs/" + job.id() + "/items";
        assertThat(supervisor
                        .header("Accept-Language", "de")
                        .get(path)
                        .json()
                        .get(0)
                        .get("message")
                        .asString())
                .isEqualTo("„Freigeben“ ist bei einem Auftrag im Status „Storniert“ nicht möglich.");
        assertThat(supervisor
                        .header("Accept-Language", "zh-CN")
                        .get(path)
                        .json()
                        .get(0)
                        .get("message")
                        .asString())
                .contains("已作废");
        assertThat(supervisor
                        .header("Accept-Language", "en")
                        .get(path)
                        .json()
                        .get(0)
                        .get("message")
                        .asString())
                .contains("is not possible for an order that is Void");
    }

    @Test
    void bulkApproveApprovesEachOrderAndReportsTheOnesItMayNot() {
        List<Order> chosen = placed(3);
        Order cancelled = placed("MANUAL");
        orderLifecycle.act(
                fixtures.user("boss", Role.SUPERVISOR), cancelled.id(), null, OrderAction.CANCEL, "changed mind");

        BulkJob job = orderBulk.start(
                lina,
                BulkAction.APPROVE,
                null,
                List.of(
                        chosen.get(0).id(),
                        chosen.get(1).id(),
                        cancelled.id(),
                        chosen.get(2).id()));
        assertThat(job.total()).isEqualTo(4);
        assertThat(job.finished()).isFalse();
        assertThat(orders.get(chosen.get(0).id()).lifecycle())
                .as("nothing happens before the worker runs")
                .isEqualTo(LifecycleStatus.NEW);

        assertThat(worker.run()).isEqualTo(4);

        job = bulk.get(lina, job.id());
        assertThat(job.finished()).isTrue();
        assertThat(job.count(BulkItemStatus.DONE)).isEqualTo(3);
        assertThat(job.count(BulkItemStatus.REFUSED)).isEqualTo(1);
        for (Order o : chosen) {
            assertThat(orders.get(o.id()).lifecycle()).isEqualTo(LifecycleStatus.APPROVED);
            assertThat(entries(o.id(), "order.approve")).isEqualTo(1);
        }
        List<BulkJob.Item> problems = bulk.items(lina, job.id(), true, 0, 100);
        assertThat(problems).singleElement().satisfies(i -> {
            assertThat(i.subjectId()).isEqualTo(cancelled.id());
            assertThat(i.position()).as("the order given is kept").isEqualTo(3);
            assertThat(i.status()).isEqualTo(BulkItemStatus.REFUSED);
            assertThat(messages.of(i.result())).isNotBlank();
        });
        assertThat(orders.get(cancelled.id()).lifecycle()).isEqualTo(LifecycleStatus.CANCELLED);
        assertThat(worker.run()).as("nothing left to do").isZero();
        assertThat(bulk.latest(lina, 10)).singleElement().satisfies(j -> {
            assertThat(j.count(BulkItemStatus.DONE)).isEqualTo(3);
            assertThat(j.finished()).isTrue();
        });
        assertThat(bulk.latest(fixtures.user("sven", Role.SALES), 10))
                .as("only one's own jobs")
                .isEmpty();
    }

    @Test
    void approvingTogetherCommitsEachOrdersStockAndPassesOverWhatItMayNotApprove() {
        long shirt = fixtures.product("BULKSHIRT", false, "BLK-SHIRT-1")
                .variants()
                .get(0)
                .id();
        long sock = fixtures.product("BULKSOCK", true, "BLK-SOCK-1")
                .variants()
                .get(0)
                .id();
        fixtures.receive("BLK-SHIRT-1", 5);
        Order shirts = orderIntake
                .place(lina, Fixtures.input("MANUAL", null, Fixtures.line("BLK-SHIRT-1", 2990, 2)), false)
                .order();
        Order socks = orderIntake
                .place(
                        lina,
                        Fixtures.input(
                                "MANUAL",
                                null,
                                Fixtures.line("BLK-SOCK-1", 990, 3),
                                Fixtures.line("BLK-SHIRT-1", 2990, 1)),
                        false)
                .order();
        Order plain = placed("MANUAL");
        Order cancelled = placed("MANUAL");
        orderLifecycle.act(
                fixtures.user("boss", Role.SUPERVISOR), cancelled.id(), null, OrderAction.CANCEL, "changed mind");

        Set<Long> approved = transaction.execute(
                s -> orderLifecycle.approveAll(lina, List.of(shirts.id(), socks.id(), plain.id(), cancelled.id())));

        assertThat(approved).containsExactly(shirts.id(), socks.id(), plain.id());
        assertThat(orders.get(cancelled.id()).lifecycle()).isEqualTo(LifecycleStatus.CANCELLED);
        for (Order o : List.of(shirts, socks, plain)) {
            assertThat(orders.get(o.id()).lifecycle()).isEqualTo(LifecycleStatus.APPROVED);
            assertThat(orders.get(o.id()).version()).isEqualTo(o.version() + 1);
            assertThat(orders.timeline(lina, o.id()))
                    .filteredOn(e -> e.action().equals("order.approve"))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.actorName()).isEqualTo(lina.displayName());
                        assertThat(e.changes())
                                .anySatisfy(c -> assertThat(c.field()).isEqualTo("lifecycle"));
                    });
        }
        assertThat(inventory.holdingsOf(shirts.id()))
                .singleElement()
                .satisfies(h -> assertThat(h.reserved()).isEqualTo(2));
        assertThat(inventory.holdingsOf(socks.id()))
                .extracting(h -> h.sku() + ":" + h.reserved() + "+" + h.backordered())
                .containsExactlyInAnyOrder("BLK-SOCK-1:0+3", "BLK-SHIRT-1:1+0");
        assertThat(inventory.holdingsOf(plain.id())).isEmpty();
        assertThat(inventory.total(shirt)).isEqualTo(new StockFigures(null, 5, 3, 0, 0));
        assertThat(inventory.total(sock)).isEqualTo(new StockFigures(null, 0, 0, 3, 0));
        assertThat(jdbc.sql("""
                SELECT string_agg(kind || ' ' || reserved_delta || '+' || backordered_delta || ' ' || order_label, ', '
                                  ORDER BY order_id, id)
                FROM stock_movements WHERE order_id IN (:ids)""")
                        .param("ids", List.of(shirts.id(), socks.id()))
                        .query(String.class)
                        .single())
                .as("one ledger row per line, as approving one by one writes")
                .isEqualTo("RESERVATION 2+0 " + shirts.number() + ", BACKORDER 0+3 " + socks.number()
                        + ", RESERVATION 1+0 " + socks.number());
    }

    @Test
    void oneShortOrderFailsTheBatchButTheWorkerStillApprovesTheOthersOneByOne() {
        fixtures.product("BULKCAP", false, "BLK-CAP-1");
        fixtures.receive("BLK-CAP-1", 5);
        Order caps = orderIntake
                .place(lina, Fixtures.input("MANUAL", null, Fixtures.line("BLK-CAP-1", 1990, 2)), false)
                .order();
        Order tooMany = orderIntake
                .place(lina, Fixtures.input("MANUAL", null, Fixtures.line("BLK-CAP-1", 1990, 9)), false)
                .order();
        Order plain = placed("MANUAL");

        assertThatThrownBy(() -> transaction.execute(
                        s -> orderLifecycle.approveAll(lina, List.of(caps.id(), tooMany.id(), plain.id()))))
                .isInstanceOf(ActionRefusedException.class);
        assertThat(orders.get(caps.id()).lifecycle())
                .as("nothing of the failed batch stays")
                .isEqualTo(LifecycleStatus.NEW);
        assertThat(inventory.holdingsOf(caps.id())).isEmpty();
        assertThat(entries(caps.id(), "order.approve")).isZero();

        List<Long> chosen = new ArrayList<>(List.of(caps.id(), tooMany.id(), plain.id()));
        placed(17).forEach(o -> chosen.add(o.id()));
        BulkJob job = orderBulk.start(lina, BulkAction.APPROVE, null, chosen);
        assertThat(worker.run()).isEqualTo(20);
        assertThat(bulk.get(lina, job.id()).count(BulkItemStatus.DONE)).isEqualTo(19);
        assertThat(bulk.items(lina, job.id(), true, 0, 10)).singleElement().satisfies(i -> {
            assertThat(i.subjectId()).isEqualTo(tooMany.id());
            assertThat(messages.of(i.result())).as("refused, saying why").contains("BLK-CAP-1");
        });
        assertThat(orders.get(caps.id()).lifecycle()).isEqualTo(LifecycleStatus.APPROVED);
        assertThat(orders.get(plain.id()).lifecycle()).isEqualTo(LifecycleStatus.APPROVED);
        assertThat(orders.get(tooMany.id()).lifecycle()).isEqualTo(LifecycleStatus.NEW);
        assertThat(inventory.holdingsOf(caps.id()))
                .singleElement()
                .satisfies(h -> assertThat(h.reserved()).isEqualTo(2));
    }

    @Test
    void aSalespersonApprovesTheirOwnOrdersTogetherAndNoOneElses() {
        Actor sven = fixtures.user("sven", Role.SALES);
        OrderInput base = Fixtures.input("MANUAL", null, Fixtures.line("MUG", 1200, 1));
        List<Long> own = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            own.add(orderIntake
                    .place(
                            lina,
                            AnOrder.from(base.channel())
                                    .customer(base.customer())
                                    .shippingAddress(base.shippingAddress())
                                    .currency(base.currency())
                                    .pricesIncludeTax(base.pricesIncludeTax())
                                    .lines(base.lines())
                                    .shipping(base.shipping())
                                    .paymentMethod(base.paymentMethod())
                                    .responsible(sven.userId())
                                    .build(),
                            false)
                    .order()
                    .id());
        }
        Order someoneElses = placed("MANUAL");
        List<Long> chosen = new ArrayList<>(own);
        chosen.add(1, someoneElses.id());

        BulkJob job = orderBulk.start(sven, BulkAction.APPROVE, null, chosen);
        assertThat(worker.run()).isEqualTo(4);

        assertThat(bulk.get(sven, job.id()).count(BulkItemStatus.DONE)).isEqualTo(3);
        own.forEach(id -> assertThat(orders.get(id).lifecycle()).isEqualTo(LifecycleStatus.APPROVED));
        assertThat(orders.get(someoneElses.id()).lifecycle()).isEqualTo(LifecycleStatus.NEW);
        assertThat(bulk.items(sven, job.id(), true, 0, 10)).singleElement().satisfies(i -> {
            assertThat(i.subjectId()).isEqualTo(someoneElses.id());
            assertThat(i.status()).isEqualTo(BulkItemStatus.REFUSED);
        });
    }

    @Test
    void theSameRequestSentTwiceStartsOneJob() {
        List<Long> chosen = placed(2).stream().map(Order::id).toList();
        BulkJob first = orderBulk.start(lina, BulkAction.TAG, "vip", chosen, "key-1");
        BulkJob again = orderBulk.start(lina, BulkAction.TAG, "vip", chosen, "key-1");
        assertThat(again.id()).isEqualTo(first.id());
        BulkJob whole = orderBulk.startForList(lina, BulkAction.TAG, "vip", OrderFilter.all(), "key-2");
        assertThat(orderBulk
                        .startForList(lina, BulkAction.TAG, "vip", OrderFilter.all(), "key-2")
                        .id())
                .isEqualTo(whole.id());
        assertThat(bulk.latest(lina, 10)).extracting(BulkJob::id).containsExactly(whole.id(), first.id());
        assertThat(orderBulk
                        .start(fixtures.user("sven", Role.SALES), BulkAction.TAG, "vip", chosen, "key-1")
                        .id())
                .as("keys are per user")
                .isNotEqualTo(first.id());
        assertThatThrownBy(() -> orderBulk.start(lina, BulkAction.TAG, "vip", chosen, "k".repeat(101)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("key"));
    }

    @Test
    void eachOrderIsCheckedAgainstTheRequestersRights() {
        Actor ola = fixtures.user("ola", Role.WAREHOUSE);
        Order order = placed("MANUAL");
        BulkJob job = orderBulk.start(ola, BulkAction.APPROVE, null, List.of(order.id()));
        worker.run();

        assertThat(bulk.items(ola, job.id(), false, 0, 10))
                .singleElement()
                .satisfies(i -> assertThat(i.status()).isEqualTo(BulkItemStatus.REFUSED));
        assertThat(orders.get(order.id()).lifecycle()).isEqualTo(LifecycleStatus.NEW);
        assertThatThrownBy(() -> bulk.get(lina, job.id()))
                .as("another user's job is not shown")
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void holdNeedsAReasonAndNothingIsWrittenWithoutOne() {
        Order order = placed("MANUAL");
        assertThatThrownBy(() -> orderBulk.start(lina, BulkAction.HOLD, "  ", List.of(order.id())))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("reason"));
        assertThatThrownBy(() -> orderBulk.start(lina, BulkAction.TAG, "no/slashes", List.of(order.id())))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("tag"));
        assertThatThrownBy(() -> orderBulk.start(lina, BulkAction.APPROVE, null, List.of()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("orderIds"));
        assertThatThrownBy(() -> orderBulk.start(lina, BulkAction.ASSIGN, "999999", List.of(order.id())))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("responsibleId"));
        assertThat(jdbc.sql("SELECT count(*) FROM bulk_jobs").query(Long.class).single())
                .isZero();

        BulkJob job = orderBulk.start(lina, BulkAction.HOLD, "address check", List.of(order.id()));
        worker.run();
        assertThat(bulk.get(lina, job.id()).count(BulkItemStatus.DONE)).isEqualTo(1);
        Order held = orders.get(order.id());
        assertThat(held.lifecycle()).isEqualTo(LifecycleStatus.ON_HOLD);
        assertThat(held.holdReason()).isEqualTo("address check");
    }

    @Test
    void tagsAndAssignmentOverEveryOrderOfAListEvenShippedOnes() {
        Actor jonas = fixtures.user("jonas", Role.SALES);
        List<Order> ebay = List.of(placed("EBAY"), placed("EBAY"));
        Order manual = placed("MANUAL");
        OrderFilter ebayOnly = new OrderFilter(null, Set.of(), Set.of(), Set.of(), Set.of("EBAY"), null, null, null);

        BulkJob tagging = orderBulk.startForList(lina, BulkAction.TAG, "vip", ebayOnly);
        assertThat(tagging.total()).isEqualTo(2);
        worker.run();
        assertThat(orders.get(ebay.get(0).id()).content().tags()).containsExactly("vip");
        assertThat(orders.get(manual.id()).content().tags()).isEmpty();
        assertThat(entries(ebay.get(1).id(), "order.tagged")).isEqualTo(1);

        orderBulk.start(
                lina,
                BulkAction.ASSIGN,
                jonas.userId().toString(),
                List.of(ebay.get(0).id(), manual.id()));
        orderBulk.start(lina, BulkAction.UNTAG, "vip", List.of(ebay.get(1).id()));
        worker.run();
        assertThat(orders.get(manual.id()).content().responsibleId()).isEqualTo(jonas.userId());
        assertThat(orders.get(ebay.get(1).id()).content().tags()).isEmpty();
        assertThat(orders.timeline(lina, manual.id()).get(0).changes()).anySatisfy(c -> {
            assertThat(c.field()).isEqualTo("responsible");
            assertThat(c.after()).isEqualTo("Jonas");
        });
        assertThat(orderLists
                        .list(jonas, OrderFilter.all(), OrderSort.PLACED, true, null, 50)
                        .items())
                .as("the new responsible sees the orders")
                .hasSize(2);
    }

    @Test
    void twoWorkersApprovingTogetherNeverOversellAScarceItem() throws Exception {
        long hot = fixtures.product("BULKHOT", false, "BLK-HOT-1")
                .variants()
                .get(0)
                .id();
        long plenty = fixtures.product("BULKPLENTY", false, "BLK-PLENTY-1")
                .variants()
                .get(0)
                .id();
        fixtures.receive("BLK-HOT-1", 200);
        fixtures.receive("BLK-PLENTY-1", 1000);
        List<Long> chosen = new ArrayList<>();
        for (int i = 0; i < 260; i++) {
            chosen.add(orderIntake
                    .place(
                            lina,
                            Fixtures.input(
                                    "MANUAL",
                                    null,
                                    Fixtures.line("BLK-PLENTY-1", 990, 1),
                                    Fixtures.line("BLK-HOT-1", 1990, 1)),
                            false)
                    .order()
                    .id());
        }
        BulkJob job = orderBulk.start(lina, BulkAction.APPROVE, null, chosen);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            int finished = 0;
            for (Future<Integer> run : pool.invokeAll(List.<Callable<Integer>>of(worker::run, worker::run))) {
                finished += run.get();
            }
            assertThat(finished).isEqualTo(260);
        } finally {
            pool.shutdown();
        }
        job = bulk.get(lina, job.id());
        assertThat(job.count(BulkItemStatus.DONE)).isEqualTo(200);
        assertThat(job.count(BulkItemStatus.REFUSED)).isEqualTo(60);
        assertThat(inventory.total(hot)).isEqualTo(new StockFigures(null, 200, 200, 0, 0));
        assertThat(inventory.total(plenty))
                .as("a refused order holds nothing")
                .isEqualTo(new StockFigures(null, 1000, 200, 0, 0));
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE lifecycle = 'APPROVED'")
                        .query(Long.class)
                        .single())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT coalesce(sum(reserved_delta), 0) FROM stock_movements WHERE variant_id = :v")
                        .param("v", hot)
                        .query(Long.class)
                        .single())
                .as("the ledger adds up to the figures")
                .isEqualTo(200);
    }

    @Test
    void twoWorkersTogetherActOnEveryOrderExactlyOnce() throws Exception {
        List<Order> chosen = placed(260); // more than one batch: each worker also brings in its helper thread
        BulkJob job = orderBulk.start(
                lina, BulkAction.APPROVE, null, chosen.stream().map(Order::id).toList());

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = pool.invokeAll(List.<Callable<Integer>>of(worker::run, worker::run));
            int finished = 0;
            for (Future<Integer> run : runs) {
                finished += run.get();
            }
            assertThat(finished).isEqualTo(260);
        } finally {
            pool.shutdown();
        }
        assertThat(bulk.get(lina, job.id()).count(BulkItemStatus.DONE)).isEqualTo(260);
        assertThat(jdbc.sql("SELECT count(*) FROM timeline_entries WHERE action = 'order.approve'")
                        .query(Long.class)
                        .single())
                .isEqualTo(260);
    }

    @Test
    void itemsAnInstanceClaimedAndLeftAreTakenOverWhenTheLeaseRunsOut() {
        Order order = placed("MANUAL");
        BulkJob job = orderBulk.start(lina, BulkAction.APPROVE, null, List.of(order.id()));
        items.claim(clock.instant(), clock.instant().plus(Duration.ofMinutes(5)), 200); // then it crashed

        assertThat(worker.run()).as("leased to the other instance").isZero();
        clock.advance(Duration.ofMinutes(6));
        assertThat(worker.run()).isEqualTo(1);
        assertThat(bulk.get(lina, job.id()).count(BulkItemStatus.DONE)).isEqualTo(1);
        assertThat(orders.get(order.id()).lifecycle()).isEqualTo(LifecycleStatus.APPROVED);
    }

    @Test
    void theApiStartsAJobAndReportsEachOrder() {
        Api api = new Api(port).bearer(fixtures.token(lina));
        Order a = placed("MANUAL");
        Order b = placed("MANUAL");

        Api.Response started = api.header("Idempotency-Key", "bulk-1")
                .post("/api/orders/bulk", Map.of("action", "approve", "orderIds", List.of(a.id(), b.id())));
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.header("Location"))
                .isEqualTo("/api/bulk-jobs/" + started.json().get("id").asLong());
        Api.Response retried = api.header("Idempotency-Key", "bulk-1")
                .post("/api/orders/bulk", Map.of("action", "approve", "orderIds", List.of(a.id(), b.id())));
        assertThat(retried.json().get("id").asLong())
                .as("a retry starts no second job")
                .isEqualTo(started.json().get("id").asLong());

        worker.run();
        Api.Response job = api.get(started.header("Location"));
        assertThat(job.json().get("finished").asBoolean()).isTrue();
        assertThat(job.json().get("counts").get("DONE").asInt()).isEqualTo(2);
        assertThat(api.get(started.header("Location") + "/items")
                        .json()
                        .get(1)
                        .get("number")
                        .asText())
                .isEqualTo(orders.get(b.id()).number());

        api = new Api(port).bearer(fixtures.token(lina));
        Api.Response bad = api.post("/api/orders/bulk", Map.of("action", "explode", "orderIds", List.of(a.id())));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("action");
        Api.Response badQuery = api.post("/api/orders/bulk", Map.of("action", "approve", "query", "lifecycle=SOON"));
        assertThat(badQuery.status()).isEqualTo(422);
        assertThat(badQuery.body()).contains("lifecycle");
    }

    @Test
    void theExportHasTheChosenOrdersOrTheWholeList() {
        Order a = placed("EBAY");
        Order b = placed("MANUAL");
        StringWriter chosen = new StringWriter();
        export.chosen(lina, List.of(b.id()), chosen);
        List<String> lines = chosen.toString().lines().toList();
        assertThat(lines.get(0)).startsWith("\uFEFFnumber,placed_at,channel");
        assertThat(lines).hasSize(2); // one row per item
        assertThat(lines.get(1))
                .startsWith(b.number() + ",")
                .contains(",16.90,0.00,EUR,NEW,")
                .contains(",'+49 170 1234567,") // neutralised for spreadsheets, read back by the importer
                .contains(",MUG,Item MUG,")
                .endsWith(",1,12.00,0.00,19");

        Api api = new Api(port).bearer(fixtures.token(lina));
        Api.Response csv = api.get("/api/orders/export?channel=EBAY");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains(a.number()).doesNotContain(b.number());
        Api.Response bad = api.get("/api/orders/export?lifecycle=SOON");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("lifecycle");
    }
}
