package dev.kontor.orders;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.kontor.access.Actor;
import dev.kontor.support.Api;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Orders over HTTP: the lifecycle, versions, retries and the records that drive payment and shipping. */
@KontorTest
class OrdersApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Orders orders;

    Api api;

    @BeforeEach
    void setUp() {
        Actor anna = fixtures.user("anna");
        api = new Api(port).bearer(fixtures.token(anna));
    }

    static Map<String, Object> taobaoOrder(String externalId) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "TAOBAO");
        body.put("externalId", externalId);
        body.put(
                "customer",
                Map.of(
                        "name",
                        "张伟",
                        "country",
                        "CN",
                        "email",
                        "zhang.wei@example.cn",
                        "payerAccount",
                        "zhang.wei@163.com",
                        "payerAccountType",
                        "Alipay"));
        body.put("shippingAddress", Map.of("name", "张伟", "street", "文一西路 969 号", "city", "杭州", "country", "CN"));
        body.put("currency", "CNY");
        body.put(
                "lines",
                List.of(
                        Map.of(
                                "sku",
                                "WLY0QU1098",
                                "name",
                                "亚麻衬衫",
                                "attributes",
                                ordered("colour", "蓝", "size", "M"),
                                "unitPrice",
                                12900,
                                "quantity",
                                2,
                                "taxRate",
                                1300),
                        Map.of("sku", "WXZ0KU1122", "name", "丝巾", "unitPrice", 8900, "quantity", 1, "taxRate", 1300)));
        body.put("shipping", 1000);
        return body;
    }

    static Map<String, String> ordered(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private JsonNode create(String externalId) {
        Api.Response response = api.post("/api/orders", taobaoOrder(externalId));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void anOrderIsPricedFromItsLinesAndNumberedInItsChannel() {
        JsonNode order = create("T1");
        assertThat(order.get("number").asString()).isEqualTo("TB-000001");
        assertThat(order.at("/totals/subtotal").asLong()).isEqualTo(2 * 12900 + 8900);
        assertThat(order.at("/totals/total").asLong()).isEqualTo(2 * 12900 + 8900 + 1000);
        assertThat(order.at("/lines/0/attributes").propertyNames()).containsExactly("colour", "size");
        assertThat(create("T2").get("number").asString()).isEqualTo("TB-000002");
    }

    @Test
    void theSameMarketplaceOrderTwiceReturnsTheFirstOne() {
        JsonNode first = create("3141592653589793");
        Api.Response again = api.post("/api/orders", taobaoOrder("3141592653589793"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asLong()).isEqualTo(first.get("id").asLong());
        assertThat(count("orders")).isEqualTo(1);
        assertThat(count("customers")).isEqualTo(1);
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyGetsTheSameAnswer() {
        Api keyed = api.header("Idempotency-Key", "retry-1");
        Map<String, Object> body = taobaoOrder(null);
        Api.Response first = keyed.post("/api/orders", body);
        Api.Response second = keyed.post("/api/orders", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(count("orders")).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyWithADifferentBodyIs422() {
        Api keyed = api.header("Idempotency-Key", "retry-2");
        assertThat(keyed.post("/api/orders", taobaoOrder("A")).status()).isEqualTo(201);
        Api.Response different = keyed.post("/api/orders", taobaoOrder("B"));
        assertThat(different.status()).isEqualTo(422);
        assertThat(different.json().get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(count("orders")).isEqualTo(1);
    }

    @Test
    void aFailedRequestDoesNotUseUpItsIdempotencyKey() {
        Api keyed = api.header("Idempotency-Key", "retry-3");
        Map<String, Object> bad = taobaoOrder(null);
        bad.put("currency", "XXX1");
        assertThat(keyed.post("/api/orders", bad).status()).isEqualTo(422);
        assertThat(keyed.post("/api/orders", taobaoOrder(null)).status()).isEqualTo(201);
        assertThat(count("orders")).isEqualTo(1);
    }

    @Test
    void twentyParallelRequestsWithOneKeyCreateOneOrder() throws Exception {
        Map<String, Object> body = taobaoOrder(null);
        List<Callable<Api.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> api.header("Idempotency-Key", "parallel").post("/api/orders", body));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Api.Response> responses = new ArrayList<>();
        for (Future<Api.Response> f : pool.invokeAll(calls)) {
            responses.add(f.get());
        }
        pool.shutdown();
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(201));
        assertThat(responses.stream().map(r -> r.json().get("id").asLong()).distinct())
                .hasSize(1);
        assertThat(count("orders")).isEqualTo(1);
    }

    @Test
    void anOrdersObserversAreReadWithItAndKeptThroughItsChanges() {
        long lina = fixtures.user("lina").userId();
        long tom = fixtures.user("tom").userId();
        Map<String, Object> body = taobaoOrder("WATCHED");
        body.put("observerIds", List.of(lina, tom));
        long id = api.post("/api/orders", body).json().get("id").asLong();
        long unwatched = create("UNWATCHED").get("id").asLong();

        assertThat(api.get("/api/orders/" + id)
                        .json()
                        .get("observerIds")
                        .valueStream()
                        .map(JsonNode::asLong))
                .containsExactlyInAnyOrder(lina, tom);
        JsonNode approved = api.post("/api/orders/" + id + "/approve", Map.of()).json();
        assertThat(approved.at("/status/lifecycle").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("observerIds").valueStream().map(JsonNode::asLong))
                .as("read with the order it locks")
                .containsExactlyInAnyOrder(lina, tom);
        assertThat(api.get("/api/orders/" + unwatched).json().get("observerIds"))
                .isEmpty();
        Map<Long, Order> both = orders.getAll(List.of(id, unwatched)); // as exports and jobs read orders
        assertThat(both.get(id).content().observerIds()).containsExactlyInAnyOrder(lina, tom);
        assertThat(both.get(unwatched).content().observerIds()).isEmpty();
    }

    @Test
    void anOrderGoesFromReviewToCompletedThroughItsRecords() {
        JsonNode order = create("FLOW");
        String path = "/api/orders/" + order.get("id").asLong();
        assertThat(api.post(path + "/approve", Map.of())
                        .json()
                        .at("/status/lifecycle")
                        .asString())
                .isEqualTo("APPROVED");

        Api.Response payment = api.post(
                path + "/payments",
                Map.of("amount", 35700, "currency", "CNY", "method", "ALIPAY", "reference", "2026112322001412345678"));
        assertThat(payment.status()).as(payment.body()).isEqualTo(201);
        assertThat(api.get(path).json().at("/status/payment").asString()).isEqualTo("PAID");

        long shirt = order.at("/lines/0/id").asLong();
        long scarf = order.at("/lines/1/id").asLong();
        api.post(
                path + "/shipments",
                Map.of(
                        "carrier",
                        "SF Express",
                        "trackingNumber",
                        "SF1234567890",
                        "lines",
                        List.of(Map.of("lineId", shirt, "quantity", 2))));
        assertThat(api.get(path).json().at("/status/fulfilment").asString()).isEqualTo("PARTIALLY_SHIPPED");
        api.post(
                path + "/shipments",
                Map.of(
                        "carrier",
                        "SF Express",
                        "trackingNumber",
                        "SF1234567891",
                        "lines",
                        List.of(Map.of("lineId", scarf, "quantity", 1))));
        assertThat(api.get(path).json().at("/status/fulfilment").asString()).isEqualTo("SHIPPED");

        JsonNode completed = api.post(path + "/complete", Map.of()).json();
        assertThat(completed.at("/status/lifecycle").asString()).isEqualTo("COMPLETED");

        List<String> history = api.get(path + "/timeline")
                .json()
                .valueStream()
                .map(e -> e.get("action").asString())
                .toList();
        assertThat(history)
                .containsExactly(
                        "order.complete",
                        "shipment.recorded",
                        "shipment.recorded",
                        "payment.recorded",
                        "order.approve",
                        "order.created");
    }

    @Test
    void aRefusedActionIs409NamingActionStateAndReason() {
        JsonNode order = create("VOID");
        String path = "/api/orders/" + order.get("id").asLong();
        api.post(path + "/approve", Map.of());
        api.post(path + "/payments", Map.of("amount", 35700, "currency", "CNY", "method", "ALIPAY"));
        Api.Response refused = api.post(path + "/cancel", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("action").asString()).isEqualTo("cancel");
        assertThat(refused.json().get("state").asString()).isEqualTo("APPROVED");
        assertThat(refused.json().get("reason").asString()).isEqualTo("order.refused.paid-refund-first");
        assertThat(refused.json().get("detail").asString()).contains("Refund the payment");

        api.post(path + "/refunds", Map.of("amount", 35700, "currency", "CNY", "method", "ALIPAY"));
        assertThat(api.post(path + "/cancel", Map.of("reason", "customer changed their mind"))
                        .json()
                        .at("/status/lifecycle")
                        .asString())
                .isEqualTo("CANCELLED");
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        JsonNode order = create("STALE");
        String path = "/api/orders/" + order.get("id").asLong();
        Api.Response read = api.get(path);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(api.header("If-Match", "\"0\"")
                        .post(path + "/approve", Map.of())
                        .status())
                .isEqualTo(200);
        Api.Response stale = api.header("If-Match", "\"0\"").post(path + "/hold", Map.of("reason", "check address"));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("changedBy").asString()).isEqualTo("Anna");
        assertThat(api.without("If-Match")
                        .get(path)
                        .json()
                        .at("/status/lifecycle")
                        .asString())
                .isEqualTo("APPROVED");
    }

    @Test
    void aSearchOfTenThousandCharactersIsRefusedNamingTheField() {
        Api.Response huge = api.get("/api/orders?q=" + "x".repeat(10_000));
        assertThat(huge.status()).as(huge.body()).isEqualTo(422);
        assertThat(huge.header("Content-Type")).startsWith("application/problem+json");
        assertThat(huge.json().at("/errors/0/field").asString()).isEqualTo("q");
    }

    @Test
    void refundsAndPaymentsStayWithinWhatIsOwedAndWhatWasPaid() {
        JsonNode order = create("MONEY");
        String path = "/api/orders/" + order.get("id").asLong();
        Api.Response tooMuch =
                api.post(path + "/payments", Map.of("amount", 99999, "currency", "CNY", "method", "ALIPAY"));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.json().at("/errors/0/field").asString()).isEqualTo("amount");
        assertThat(tooMuch.json().at("/errors/0/code").asString()).isEqualTo("payment.refused.more-than-owed");
        Api.Response wrongCurrency =
                api.post(path + "/payments", Map.of("amount", 100, "currency", "EUR", "method", "CARD"));
        assertThat(wrongCurrency.status()).isEqualTo(422);
        assertThat(wrongCurrency.json().at("/errors/0/field").asString()).isEqualTo("currency");
        api.post(path + "/payments", Map.of("amount", 10000, "currency", "CNY", "method", "ALIPAY"));
        assertThat(api.get(path).json().at("/status/payment").asString()).isEqualTo("PARTIALLY_PAID");
        Api.Response refundTooMuch =
                api.post(path + "/refunds", Map.of("amount", 10001, "currency", "CNY", "method", "ALIPAY"));
        assertThat(refundTooMuch.status()).isEqualTo(422);
        assertThat(refundTooMuch.json().at("/errors/0/code").asString()).isEqualTo("payment.refused.refund-too-large");
        assertThat(count("payments")).isEqualTo(1);
    }

    @Test
    void shippingMoreThanOrderedOrBeforeApprovalIsRefused() {
        JsonNode order = create("SHIP");
        String path = "/api/orders/" + order.get("id").asLong();
        long shirt = order.at("/lines/0/id").asLong();
        Map<String, Object> shipment =
                Map.of("carrier", "YTO", "lines", List.of(Map.of("lineId", shirt, "quantity", 1)));
        assertThat(api.post(path + "/shipments", shipment).json().get("reason").asString())
                .isEqualTo("order.refused.ship-not-approved");
        api.post(path + "/approve", Map.of());
        Api.Response tooMany = api.post(
                path + "/shipments",
                Map.of("carrier", "YTO", "lines", List.of(Map.of("lineId", shirt, "quantity", 3))));
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(count("shipments")).isZero();
    }

    @Test
    void theTimelineRecordsWhoChangedWhatFromWhatToWhat() {
        JsonNode order = create("HISTORY");
        String path = "/api/orders/" + order.get("id").asLong();
        api.post(path + "/hold", Map.of("reason", "waiting for the customer"));
        JsonNode entry = api.get(path + "/timeline").json().get(0);
        assertThat(entry.get("action").asString()).isEqualTo("order.hold");
        assertThat(entry.get("actorName").asString()).isEqualTo("Anna");
        assertThat(entry.get("reason").asString()).isEqualTo("waiting for the customer");
        assertThat(entry.get("changes").get(0).get("field").asString()).isEqualTo("lifecycle");
        assertThat(entry.get("changes").get(0).get("before").asString()).isEqualTo("NEW");
        assertThat(entry.get("changes").get(0).get("after").asString()).isEqualTo("ON_HOLD");
    }

    @Test
    void holdingWithoutAReasonIs422() {
        JsonNode order = create("NOREASON");
        Api.Response response = api.post("/api/orders/" + order.get("id").asLong() + "/hold", Map.of());
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("reason");
    }

    @Test
    void aDraftIsEditedWithPutAndThenSubmittedIntoItsChannelSeries() {
        Map<String, Object> body = taobaoOrder(null);
        body.put("draft", true);
        body.put("channel", "MANUAL");
        JsonNode draft = api.post("/api/orders", body).json();
        assertThat(draft.get("number").asString()).isEqualTo("D-000001");
        String path = "/api/orders/" + draft.get("id").asLong();

        Map<String, Object> changed = new HashMap<>(body);
        changed.put("lines", List.of(Map.of("sku", "WLY0QU1098", "name", "亚麻衬衫", "unitPrice", 12900, "quantity", 5)));
        Api.Response edited = api.header("If-Match", "\"0\"").put(path, changed);
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().at("/totals/subtotal").asLong()).isEqualTo(5 * 12900);

        JsonNode submitted =
                api.without("If-Match").post(path + "/submit", Map.of()).json();
        assertThat(submitted.get("number").asString()).isEqualTo("SO-000001");
        assertThat(submitted.at("/status/lifecycle").asString()).isEqualTo("NEW");
    }

    @Test
    void onlyADraftIsDeleted() {
        Map<String, Object> body = taobaoOrder(null);
        body.put("draft", true);
        JsonNode draft = api.post("/api/orders", body).json();
        JsonNode order = create("KEEP");
        assertThat(api.delete("/api/orders/" + order.get("id").asLong()).status())
                .isEqualTo(409);
        assertThat(api.delete("/api/orders/" + draft.get("id").asLong()).status())
                .isEqualTo(204);
        assertThat(api.get("/api/orders").json().get("items")).hasSize(1);
    }

    @Test
    void listsFilterByEachStatusAxisAndPageByCursor() {
        for (int i = 0; i < 5; i++) {
            create("P" + i);
        }
        long first = api.get("/api/orders?limit=1").json().at("/items/0/id").asLong();
        api.post("/api/orders/" + first + "/approve", Map.of());
        assertThat(api.get("/api/orders?lifecycle=APPROVED").json().get("items"))
                .hasSize(1);
        assertThat(api.get("/api/orders?lifecycle=NEW&payment=UNPAID&fulfilment=UNFULFILLED&channel=TAOBAO")
                        .json()
                        .get("items"))
                .hasSize(4);
        assertThat(api.get("/api/orders?channel=EBAY").json().get("items")).isEmpty();

        JsonNode page1 =
                api.get("/api/orders?limit=2&sort=NUMBER&descending=false").json();
        JsonNode page2 = api.get("/api/orders?limit=2&sort=NUMBER&descending=false&after="
                        + page1.get("next").asString())
                .json();
        JsonNode page3 = api.get("/api/orders?limit=2&sort=NUMBER&descending=false&after="
                        + page2.get("next").asString())
                .json();
        assertThat(List.of(page1, page2, page3).stream()
                        .flatMap(p -> p.get("items").valueStream())
                        .map(o -> o.get("number").asString())
                        .toList())
                .containsExactly("TB-000001", "TB-000002", "TB-000003", "TB-000004", "TB-000005");
        assertThat(page3.has("next")).isFalse(); // the last page names no next one
        assertThat(api.get("/api/orders?after=garbage").status()).isEqualTo(422);
    }

    @Test
    void aForeignBusinessCustomerIsToldExactlyWhatIsMissing() {
        Map<String, Object> body = taobaoOrder(null);
        body.put("channel", "MANUAL");
        body.put(
                "customer",
                Map.of(
                        "kind",
                        "COMPANY",
                        "name",
                        "Kari Nordmann",
                        "company",
                        "ノルドマン株式会社",
                        "country",
                        "NO",
                        "address",
                        Map.of("name", "Kari Nordmann", "street", "Storgata 1", "city", "Oslo", "country", "NO")));
        Api.Response response = api.post("/api/orders", body);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString())
                        .toList())
                .containsExactly("customer.company", "customer.landline");
        assertThat(count("customers")).isZero();
    }

    @Test
    void aBatchPlacesAllItsOrdersInOneGoAndAnswersEachInItsPlace() {
        JsonNode known = create("B-KNOWN");
        Api.Response placed = api.post(
                "/api/orders/batch",
                Map.of("orders", List.of(taobaoOrder("B-1"), taobaoOrder("B-KNOWN"), taobaoOrder("B-2"))));

        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        JsonNode orders = placed.json().get("orders");
        assertThat(orders).hasSize(3);
        assertThat(orders.get(0).get("externalId").asString()).isEqualTo("B-1");
        assertThat(orders.get(0).get("created").asBoolean()).isTrue();
        assertThat(orders.get(1).get("id").asLong()).isEqualTo(known.get("id").asLong());
        assertThat(orders.get(1).get("created").asBoolean()).isFalse();
        assertThat(List.of(
                        orders.get(0).get("number").asString(),
                        orders.get(2).get("number").asString()))
                .containsExactly("TB-000002", "TB-000003");
        JsonNode second =
                api.get("/api/orders/" + orders.get(2).get("id").asLong()).json();
        assertThat(second.at("/status/lifecycle").asString()).isEqualTo("NEW");
        assertThat(second.at("/totals/total").asLong())
                .isEqualTo(known.at("/totals/total").asLong());
        assertThat(count("orders")).isEqualTo(3);
    }

    @Test
    void aBatchWithOneBadOrderPlacesNoneAndNamesEveryProblemWithItsPlace() {
        Map<String, Object> noLines = taobaoOrder("B-3");
        noLines.put("lines", List.of());
        Map<String, Object> nowhere = taobaoOrder("B-4");
        nowhere.remove("shippingAddress");
        Map<String, Object> nobody = taobaoOrder("B-8");
        nobody.remove("customer");
        Map<String, Object> draft = taobaoOrder("B-5");
        draft.put("draft", true);
        Api.Response refused = api.post(
                "/api/orders/batch",
                Map.of("orders", java.util.Arrays.asList(taobaoOrder("B-2"), noLines, nowhere, nobody, null, draft)));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString())
                        .toList())
                .contains(
                        "orders[1].lines",
                        "orders[2].shippingAddress",
                        "orders[3].customer",
                        "orders[4]",
                        "orders[5].draft")
                .noneMatch(field -> field.startsWith("orders[0]"));
        assertThat(count("orders")).as("all of them or none").isZero();
        assertThat(count("customers")).isZero();

        assertThat(api.post("/api/orders/batch", Map.of("orders", List.of()))
                        .json()
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("orders");
        Api.Response aDraft = api.post("/api/orders/batch", Map.of("orders", List.of(draft)));
        assertThat(aDraft.status()).isEqualTo(422);
        assertThat(aDraft.json().at("/errors/0/field").asString()).isEqualTo("orders[0].draft");
        assertThat(aDraft.json().at("/errors/0/message").asString()).contains("POST /api/orders");
    }

    @Test
    void anOrderNamingItsCustomerByIdIsApprovedAsPlacedToo() {
        long customer = api.post("/api/orders", taobaoOrder("B-9"))
                .json()
                .at("/customer/id")
                .asLong();
        Map<String, Object> known = taobaoOrder("B-10");
        known.put("customer", Map.of("id", customer)); // placed on its own path, not with the others

        Api.Response placed = batchApproved(taobaoOrder("B-11"), known);

        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        assertThat(lifecycles(placed)).containsExactly("APPROVED", "APPROVED");
        long id = placed.json().at("/orders/1/id").asLong();
        assertThat(api.get("/api/orders/" + id).json().at("/customer/id").asLong())
                .isEqualTo(customer);

        Map<String, Object> again = taobaoOrder("B-12");
        again.put("customer", Map.of("id", customer));
        Api.Response one = api.post("/api/orders?approve=true", again);
        assertThat(one.status()).as(one.body()).isEqualTo(201);
        assertThat(one.json().at("/status/lifecycle").asString()).isEqualTo("APPROVED");
        assertThat(api.get("/api/orders/" + one.json().get("id").asLong() + "/timeline")
                        .json()
                        .valueStream()
                        .map(e -> e.get("action").asString()))
                .containsExactly("order.approve", "order.created");
    }

    @Test
    void aBatchCanBeApprovedAsItIsPlaced() {
        Api.Response placed = batchApproved(taobaoOrder("B-6"), taobaoOrder("B-7"));

        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        assertThat(lifecycles(placed)).containsExactly("APPROVED", "APPROVED");
        long id = placed.json().at("/orders/1/id").asLong();
        assertThat(api.get("/api/orders/" + id).json().at("/status/lifecycle").asString())
                .isEqualTo("APPROVED");
        assertThat(api.get("/api/orders/" + id + "/timeline")
                        .json()
                        .valueStream()
                        .map(e -> e.get("action").asString()))
                .contains("order.created", "order.approve");
    }

    /** The orders as one batch, approved as placed. */
    @SafeVarargs
    private Api.Response batchApproved(Map<String, Object>... orders) {
        Map<String, Object> body = new HashMap<>();
        body.put("orders", List.of(orders));
        body.put("approve", true);
        return api.post("/api/orders/batch", body);
    }

    /** The lifecycle of each order a batch answered, in its order. */
    private static List<String> lifecycles(Api.Response batch) {
        return batch.json()
                .get("orders")
                .valueStream()
                .map(o -> o.get("lifecycle").asString())
                .toList();
    }
}
