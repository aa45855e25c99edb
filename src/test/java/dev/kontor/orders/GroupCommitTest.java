package dev.kontor.orders;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.customers.Blacklist;
import dev.kontor.customers.CustomerDetails;
import dev.kontor.customers.CustomerKind;
import dev.kontor.customers.Customers;
import dev.kontor.support.Api;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shop sending many orders at once over the API — the requests Kontor writes together ({@link GroupCommit}) — gets
 * for each what sending it alone gets: its own order with its own customer and a gapless number, its own refusal
 * naming the field, its approval with the stock reserved, one timeline entry and one event per change; approving an
 * order twice at once approves it once, and an approval at a version the order is not at is refused with 412.
 */
@KontorTest
class GroupCommitTest {

    static final int ORDERS = 24;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Orders orders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Customers customers;

    @Autowired
    Blacklist blacklist;

    Api api;
    Actor shop;
    final ExecutorService threads = Executors.newFixedThreadPool(ORDERS + 2);

    @BeforeEach
    void setUp() {
        shop = fixtures.user("shop");
        api = new Api(port).bearer(fixtures.token(shop));
        fixtures.product("SHIRT", false, "SHIRT-M");
        fixtures.receive("SHIRT-M", 1000);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    static Map<String, Object> order(int i, int quantity) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "WEBSHOP");
        body.put("externalId", "G-" + i);
        body.put("customer", Map.of("name", "Buyer " + i, "email", "buyer" + i + "@example.de", "country", "DE"));
        body.put(
                "shippingAddress",
                Map.of("name", "Buyer " + i, "street", "Hauptstraße " + i, "city", "Köln", "country", "DE"));
        body.put("currency", "EUR");
        body.put(
                "lines",
                List.of(Map.of(
                        "sku", "SHIRT-M", "name", "Shirt", "unitPrice", 2990, "quantity", quantity, "taxRate", 1900)));
        return body;
    }

    @Test
    void ordersSentAtOnceAreEachPlacedAndApprovedAsIfSentAlone() throws Exception {
        List<Callable<Api.Response>> creates = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            int n = i;
            Map<String, Object> body = order(n, n % 3 + 1);
            if (n % 4 == 3) {
                body.put("observerIds", List.of(shop.userId())); // watched: the group reads its observers too
            }
            creates.add(() -> api.post("/api/orders", body));
        }
        List<Api.Response> created = atOnce(creates);

        List<Long> ids = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        int reserved = 0;
        for (int i = 0; i < ORDERS; i++) {
            Api.Response r = created.get(i);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(r.json().get("externalId").asString()).isEqualTo("G-" + i);
            assertThat(r.json().at("/customer/name").asString()).isEqualTo("Buyer " + i);
            assertThat(r.json().at("/lines/0/quantity").asInt()).isEqualTo(i % 3 + 1);
            assertThat(r.header("ETag"))
                    .isEqualTo("\"" + r.json().get("version").asInt() + "\"");
            ids.add(r.json().get("id").asLong());
            numbers.add(Integer.parseInt(r.json().get("number").asString().replaceAll("\\D", "")));
            reserved += i % 3 + 1;
        }
        assertThat(transactions("orders")).as("orders written together").isLessThan(ORDERS);
        assertThat(numbers).doesNotHaveDuplicates();
        assertThat(numbers.stream().mapToInt(Integer::intValue).max().getAsInt()
                        - numbers.stream().mapToInt(Integer::intValue).min().getAsInt())
                .as("gapless")
                .isEqualTo(ORDERS - 1);

        List<Callable<Api.Response>> approvals = new ArrayList<>();
        ids.forEach(id -> approvals.add(() -> api.post("/api/orders/" + id + "/approve", Map.of())));
        approvals.add(() -> api.post("/api/orders/" + ids.get(0) + "/approve", Map.of())); // twice at once
        Api stale = new Api(port).bearer(fixtures.token(shop)).header("If-Match", "\"99\"");
        approvals.add(() -> stale.post("/api/orders/" + ids.get(1) + "/approve", Map.of()));
        List<Api.Response> approved = atOnce(approvals);

        assertThat(approved.subList(1, ORDERS)).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().at("/status/lifecycle").asString()).isEqualTo("APPROVED");
        });
        for (int i = 1; i < ORDERS; i++) {
            assertThat(approved.get(i).json().get("observerIds").valueStream().map(JsonNode::asLong))
                    .as("observers of order %d as approved", i)
                    .isEqualTo(i % 4 == 3 ? List.of(shop.userId()) : List.of());
        }
        assertThat(List.of(approved.get(0).status(), approved.get(ORDERS).status()))
                .containsExactlyInAnyOrder(200, 409);
        assertThat(approved.get(ORDERS + 1).status()).isEqualTo(412);
        assertThat(transactions("orders")).as("orders approved together").isLessThan(ORDERS);
        for (long id : ids) {
            assertThat(orders.get(id).lifecycle()).isEqualTo(LifecycleStatus.APPROVED);
            assertThat(orders.timeline(shop, id))
                    .extracting(e -> e.action())
                    .containsExactly("order.approve", "order.created");
            assertThat(jdbc.sql("SELECT type FROM order_events WHERE order_id = :id ORDER BY seq")
                            .param("id", id)
                            .query(String.class)
                            .list())
                    .containsExactly("order.placed", "order.approved");
        }
        assertThat(reserved("SHIRT-M")).isEqualTo(reserved);
        assertThat(planModesInThePool())
                .as("the writes' generic plans end with their transactions: the workbench's lists plan as before")
                .containsOnly("auto");
    }

    @Test
    void aRefusedOrderAmongOthersIsRefusedAloneAndTheOthersArePlaced() throws Exception {
        List<Callable<Api.Response>> creates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            creates.add(() -> api.post("/api/orders", order(n, n == 5 ? 0 : 1)));
        }
        List<Api.Response> created = atOnce(creates);

        for (int i = 0; i < 8; i++) {
            Api.Response r = created.get(i);
            if (i == 5) {
                assertThat(r.status()).as(r.body()).isEqualTo(422);
                assertThat(r.header("Content-Type")).startsWith("application/problem+json");
                assertThat(r.json().at("/errors/0/field").asString()).isEqualTo("lines[0].quantity");
            } else {
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                assertThat(r.json().get("externalId").asString()).isEqualTo("G-" + i);
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM orders").query(Long.class).single())
                .isEqualTo(7);
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE external_id = 'G-5'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void ordersSentToBePlacedApprovedAreApprovedInTheSameRequestUnlessSomethingHoldsThemBack() throws Exception {
        var known = customers.create(CustomerDetails.of(
                CustomerKind.PERSON, "Buyer 3", null, "DE", "de", "buyer3@example.de", null, null, null, null, null));
        blacklist.add(fixtures.user("sup", Role.SUPERVISOR), known.id(), "fraud", Blacklist.Scope.EVERYTHING);
        String earlier = api.post("/api/orders", order(7, 1)).json().get("id").asString(); // G-7 is there already

        List<Callable<Api.Response>> creates = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            int n = i;
            creates.add(() -> api.post("/api/orders?approve=true", order(n, 2)));
        }
        List<Api.Response> created = atOnce(creates);

        int approved = 0;
        for (int i = 0; i < ORDERS; i++) {
            Api.Response r = created.get(i);
            String lifecycle = r.json().at("/status/lifecycle").asString();
            if (i == 3) { // the blacklisted buyer's: held for review, nothing committed
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                assertThat(lifecycle).isEqualTo("ON_HOLD");
            } else if (i == 7) { // the channel's order Kontor has: answered as it is
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                assertThat(r.json().get("id").asString()).isEqualTo(earlier);
                assertThat(lifecycle).isEqualTo("NEW");
            } else {
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                assertThat(lifecycle).isEqualTo("APPROVED");
                assertThat(r.header("ETag"))
                        .isEqualTo("\"" + r.json().get("version").asInt() + "\"");
                long id = r.json().get("id").asLong();
                assertThat(orders.get(id).lifecycle()).isEqualTo(LifecycleStatus.APPROVED);
                assertThat(orders.timeline(shop, id))
                        .extracting(e -> e.action())
                        .containsExactlyInAnyOrder("order.approve", "order.created");
                assertThat(jdbc.sql("SELECT type FROM order_events WHERE order_id = :id ORDER BY seq")
                                .param("id", id)
                                .query(String.class)
                                .list())
                        .containsExactly("order.placed", "order.approved");
                approved++;
            }
        }
        assertThat(approved).isEqualTo(ORDERS - 2);
        assertThat(transactions("orders")).as("placed approved together").isLessThan(ORDERS);
        assertThat(reserved("SHIRT-M")).isEqualTo(2 * approved);
    }

    @Test
    void ordersWhoseStockIsShortArePlacedForReviewAndTheOthersApproved() throws Exception {
        fixtures.product("MUG", false, "MUG-RED"); // not backordered
        fixtures.receive("MUG-RED", 3);

        List<Callable<Api.Response>> creates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            creates.add(() -> api.post("/api/orders?approve=true", mugs(n, 1)));
        }
        List<Api.Response> created = atOnce(creates);
        Api.Response tooMany = api.post("/api/orders?approve=true", mugs(8, 2)); // alone, 2 wanted, none left

        assertThat(created).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(201));
        assertThat(created.stream().map(r -> r.json().at("/status/lifecycle").asString()))
                .containsExactlyInAnyOrder("APPROVED", "APPROVED", "APPROVED", "NEW", "NEW", "NEW", "NEW", "NEW");
        assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(201);
        assertThat(tooMany.json().at("/status/lifecycle").asString()).isEqualTo("NEW");
        assertThat(reserved("MUG-RED")).isEqualTo(3);
        assertThat(numbers())
                .as("gapless: what a refused try took is given back")
                .containsExactlyInAnyOrder(
                        "WS-000001",
                        "WS-000002",
                        "WS-000003",
                        "WS-000004",
                        "WS-000005",
                        "WS-000006",
                        "WS-000007",
                        "WS-000008",
                        "WS-000009");

        fixtures.receive("MUG-RED", 2);
        Map<String, Object> batch = new HashMap<>();
        batch.put("orders", List.of(mugs(10, 1), mugs(11, 2), mugs(12, 1)));
        batch.put("approve", true);
        Api.Response placed = api.post("/api/orders/batch", batch);
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        assertThat(placed.json()
                        .get("orders")
                        .valueStream()
                        .map(o -> o.get("lifecycle").asString()))
                .containsExactly("APPROVED", "NEW", "APPROVED");
        assertThat(reserved("MUG-RED")).isEqualTo(5);
    }

    static Map<String, Object> mugs(int i, int quantity) {
        Map<String, Object> body = order(i, quantity);
        body.put(
                "lines",
                List.of(Map.of(
                        "sku", "MUG-RED", "name", "Mug", "unitPrice", 990, "quantity", quantity, "taxRate", 1900)));
        return body;
    }

    private int reserved(String sku) {
        return jdbc.sql("""
                        SELECT s.reserved FROM stock_levels s JOIN variants v ON v.id = s.variant_id
                        WHERE v.sku = :sku""").param("sku", sku).query(Integer.class).single();
    }

    private List<String> numbers() {
        return jdbc.sql("SELECT number FROM orders").query(String.class).list();
    }

    @Test
    void aDraftIsNotPlacedApproved() {
        Map<String, Object> draft = order(1, 1);
        draft.put("draft", true);

        Api.Response r = api.post("/api/orders?approve=true", draft);

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().at("/errors/0/field").asString()).isEqualTo("approve");
        assertThat(jdbc.sql("SELECT count(*) FROM orders").query(Long.class).single())
                .isZero();
    }

    /** How many transactions last wrote the rows of this table. */
    private long transactions(String table) {
        return jdbc.sql("SELECT count(DISTINCT xmin::text) FROM " + table)
                .query(Long.class)
                .single();
    }

    /** {@code plan_cache_mode} on every connection of the pool, all taken at once. */
    private List<String> planModesInThePool() throws SQLException {
        List<Connection> taken = new ArrayList<>();
        try {
            for (int i = 0; i < ((HikariDataSource) dataSource).getMaximumPoolSize(); i++) {
                taken.add(dataSource.getConnection());
            }
            List<String> modes = new ArrayList<>();
            for (Connection c : taken) {
                try (var statement = c.createStatement();
                        var rs = statement.executeQuery("SHOW plan_cache_mode")) {
                    rs.next();
                    modes.add(rs.getString(1));
                }
            }
            return modes;
        } finally {
            for (Connection c : taken) {
                c.close();
            }
        }
    }

    /** Sends them all at the same moment; answers in the order given. */
    private List<Api.Response> atOnce(List<Callable<Api.Response>> calls) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Response>> futures = new ArrayList<>();
        for (Callable<Api.Response> call : calls) {
            futures.add(threads.submit(() -> {
                go.await();
                return call.call();
            }));
        }
        go.countDown();
        List<Api.Response> responses = new ArrayList<>();
        for (Future<Api.Response> f : futures) {
            responses.add(f.get(30, TimeUnit.SECONDS));
        }
        return responses;
    }
}
