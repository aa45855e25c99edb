package dev.kontor.catalog;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.calendar.WorkingDays;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.Orders;
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

/** The catalog, stock, purchasing and settings API as an integrator meets it: contracts, refusals, retries. */
@KontorTest
class CatalogApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Orders orders;

    @Autowired
    OrderIntake orderIntake;

    @Autowired
    OrderLifecycle orderLifecycle;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    JdbcClient jdbc;

    Api purchasing;
    Api warehouse;
    Api sales;
    Actor olaActor;

    @BeforeEach
    void setUp() {
        olaActor = fixtures.user("ola", Role.PURCHASING);
        purchasing = new Api(port).bearer(fixtures.token(olaActor));
        warehouse = new Api(port).bearer(fixtures.token(fixtures.user("jonas", Role.WAREHOUSE)));
        sales = new Api(port).bearer(fixtures.token(fixtures.user("sven", Role.SALES)));
    }

    static Map<String, Object> shirt(String... skus) {
        List<Map<String, Object>> variants = new ArrayList<>();
        for (String sku : skus) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("colour", "blue");
            attributes.put("size", "M");
            variants.add(Map.of(
                    "sku",
                    sku,
                    "attributes",
                    attributes,
                    "allowBackorder",
                    true,
                    "supplier",
                    "Zhejiang Linen Mill",
                    "purchasePrice",
                    1450,
                    "purchaseCurrency",
                    "EUR",
                    "lowStockThreshold",
                    5,
                    "prices",
                    Map.of("EUR", 4990, "CNY", 29900)));
        }
        return Map.of("code", "WLY0QU", "name", "Linen shirt", "variants", variants);
    }

    private long movements() {
        return jdbc.sql("SELECT count(*) FROM stock_movements")
                .query(Long.class)
                .single();
    }

    private JsonNode stock(String sku) {
        Api.Response response = warehouse.get("/api/catalog/variants/" + sku);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("total");
    }

    @Test
    void aProductIsCreatedReadAndChangedWithItsVersion() {
        Api.Response created = purchasing.post("/api/catalog/products", shirt("WLY0QU1098", "WLY0QU1099"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).startsWith("/api/catalog/products/");
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(created.json().at("/variants/0/prices/CNY").asLong()).isEqualTo(29900);

        Api.Response read = warehouse.get(created.header("Location"));
        assertThat(read.json().get("status").asString()).isEqualTo("NORMAL");

        Api.Response changed = purchasing
                .header("If-Match", read.header("ETag"))
                .put(
                        created.header("Location"),
                        Map.of("code", "WLY0QU", "name", "Linen shirt, washed", "variants", ((List<?>)
                                shirt("WLY0QU1098", "WLY0QU1099").get("variants"))));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("name").asString()).isEqualTo("Linen shirt, washed");

        Api.Response stale =
                purchasing.header("If-Match", read.header("ETag")).put(created.header("Location"), shirt("WLY0QU1098"));
        assertThat(stale.status()).as("someone changed it meanwhile").isEqualTo(412);
        assertThat(warehouse
                        .get(created.header("Location"))
                        .json()
                        .get("variants")
                        .size())
                .isEqualTo(2);
    }

    @Test
    void badProductsAreRefusedNamingTheFieldAndNothingIsSaved() {
        Api.Response duplicate = purchasing.post("/api/catalog/products", shirt("WLY0QU1098", "WLY0QU1098"));
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.header("Content-Type")).startsWith("application/problem+json");
        assertThat(duplicate.json().at("/errors/0/field").asString()).isEqualTo("variants[1].sku");

        Api.Response noVariants = purchasing.post("/api/catalog/products", Map.of("code", "X1", "name", "Nothing"));
        assertThat(noVariants.json().at("/errors/0/field").asString()).isEqualTo("variants");

        assertThat(purchasing.post("/api/catalog/products", shirt("WLY0QU1098")).status())
                .isEqualTo(201);
        Api.Response taken = purchasing.post(
                "/api/catalog/products",
                Map.of(
                        "code",
                        "OTHER",
                        "name",
                        "Other",
                        "variants",
                        List.of(Map.of("sku", "WLY0QU1098", "purchasePrice", -1, "purchaseCurrency", "EUR"))));
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString())
                        .toList())
                .as("every problem at once")
                .containsExactlyInAnyOrder("variants[0].sku", "variants[0].purchasePrice");
        assertThat(jdbc.sql("SELECT count(*) FROM products").query(Long.class).single())
                .isEqualTo(1);

        Api.Response notAllowed = warehouse.post(
                "/api/catalog/products",
                Map.of("code", "JKT", "name", "Jacket", "variants", List.of(Map.of("sku", "JKT0NV2040"))));
        assertThat(notAllowed.status())
                .as("the warehouse does not edit the catalog")
                .isEqualTo(403);
    }

    @Test
    void goodsInCorrectionsAndDefectsMoveStockAndBadInputLeavesTheLedgerAlone() {
        purchasing.post("/api/catalog/products", shirt("WLY0QU1098"));
        Api.Response received =
                warehouse.post("/api/stock/receipts", Map.of("sku", "WLY0QU1098", "quantity", 12, "reason", "LS-4711"));
        assertThat(received.status()).as(received.body()).isEqualTo(200);
        assertThat(received.json().get("onHand").asInt()).isEqualTo(12);
        assertThat(warehouse
                        .post(
                                "/api/stock/adjustments",
                                Map.of("sku", "WLY0QU1098", "quantity", -2, "reason", "counted 10"))
                        .json()
                        .get("onHand")
                        .asInt())
                .isEqualTo(10);
        assertThat(warehouse
                        .post("/api/stock/defective", Map.of("sku", "WLY0QU1098", "quantity", 1, "reason", "torn seam"))
                        .json()
                        .get("defective")
                        .asInt())
                .isEqualTo(1);
        long before = movements();

        Map<String, Map<String, Object>> bad = Map.of(
                "quantity", Map.of("sku", "WLY0QU1098", "quantity", 0),
                "sku", Map.of("sku", "NOPE0001", "quantity", 5),
                "location", Map.of("sku", "WLY0QU1098", "quantity", 5, "location", "MARS"),
                "reason", Map.of("sku", "WLY0QU1098", "quantity", -1));
        for (Map.Entry<String, Map<String, Object>> e : bad.entrySet()) {
            String path = e.getKey().equals("reason") ? "/api/stock/adjustments" : "/api/stock/receipts";
            Api.Response response = warehouse.post(path, e.getValue());
            assertThat(response.status())
                    .as(e.getKey() + ": " + response.body())
                    .isBetween(400, 422);
            assertThat(response.json().at("/errors/0/field").asString()).isEqualTo(e.getKey());
        }
        Api.Response belowReserved = warehouse.post(
                "/api/stock/adjustments", Map.of("sku", "WLY0QU1098", "quantity", -100, "reason", "lost"));
        assertThat(belowReserved.status()).isEqualTo(422);
        assertThat(sales.post("/api/stock/receipts", Map.of("sku", "WLY0QU1098", "quantity", 5))
                        .status())
                .as("sales do not book goods in")
                .isEqualTo(403);
        assertThat(movements()).as("no refused request wrote to the ledger").isEqualTo(before);
        assertThat(stock("WLY0QU1098").get("onHand").asInt()).isEqualTo(9);

        List<JsonNode> ledger = warehouse
                .get("/api/catalog/variants/WLY0QU1098/movements")
                .json()
                .valueStream()
                .toList();
        assertThat(ledger)
                .extracting(m -> m.get("kind").asString())
                .containsExactly("DEFECTIVE", "ADJUSTMENT", "RECEIPT");
        assertThat(ledger.get(1).get("reason").asString()).isEqualTo("counted 10");
        assertThat(ledger.get(2).get("actorName").asString()).isNotBlank();
        assertThat(warehouse.get("/api/stock/check").json().size())
                .as("levels equal their ledger")
                .isZero();
    }

    @Test
    void aRetriedReceiptWithTheSameIdempotencyKeyIsBookedOnce() {
        purchasing.post("/api/catalog/products", shirt("WLY0QU1098"));
        Api keyed = warehouse.header("Idempotency-Key", "delivery-LS-4711");
        Map<String, Object> receipt = Map.of("sku", "WLY0QU1098", "quantity", 12, "reason", "LS-4711");
        Api.Response first = keyed.post("/api/stock/receipts", receipt);
        Api.Response again = keyed.post("/api/stock/receipts", receipt);
        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(stock("WLY0QU1098").get("onHand").asInt()).isEqualTo(12);
    }

    @Test
    void theInventoryListFindsByNumberPartAndFiltersLowStock() {
        purchasing.post("/api/catalog/products", shirt("WLY0QU1098", "WLY0QU1099"));
        warehouse.post("/api/stock/receipts", Map.of("sku", "WLY0QU1098", "quantity", 40));
        JsonNode found = warehouse.get("/api/catalog/variants?q=1099").json();
        assertThat(found.valueStream().map(r -> r.get("sku").asString()).toList())
                .containsExactly("WLY0QU1099");
        JsonNode low = warehouse.get("/api/catalog/variants?low=true").json();
        assertThat(low.valueStream().map(r -> r.get("sku").asString()).toList())
                .as("1099 has nothing, 1098 has 40 over a threshold of 5")
                .containsExactly("WLY0QU1099");
        Api.Response unknownStatus = warehouse.get("/api/catalog/variants?status=SOLD");
        assertThat(unknownStatus.status()).isEqualTo(422);
        assertThat(unknownStatus.json().at("/errors/0/field").asString()).isEqualTo("status");
        assertThat(warehouse.get("/api/catalog/variants/NOPE").status()).isEqualTo(404);
    }

    @Test
    void purchasingSeesBackordersAndLowStockWithWhatToBuyAndFromWhom() {
        purchasing.post("/api/catalog/products", shirt("WLY0QU1098", "WLY0QU1099"));
        warehouse.post("/api/stock/receipts", Map.of("sku", "WLY0QU1098", "quantity", 3));
        warehouse.post("/api/stock/receipts", Map.of("sku", "WLY0QU1099", "quantity", 50));
        Order order = orderIntake
                .place(
                        Actor.system("test"),
                        Fixtures.input("MANUAL", null, Fixtures.line("WLY0QU1098", 4990, 10)),
                        false)
                .order();
        orderLifecycle.act(Actor.system("test"), order.id(), null, OrderAction.APPROVE, null);

        Api.Response list = purchasing.get("/api/purchasing");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().size()).as("only the short variant").isEqualTo(1);
        JsonNode line = list.json().get(0);
        assertThat(line.at("/variant/sku").asString()).isEqualTo("WLY0QU1098");
        assertThat(line.at("/variant/stock/backordered").asInt()).isEqualTo(7);
        assertThat(line.get("toBuy").asInt())
                .as("7 backordered + 5 to reach the threshold")
                .isEqualTo(12);
        assertThat(line.at("/supplier/name").asString()).isEqualTo("Zhejiang Linen Mill");

        Api.Response csv = purchasing.get("/api/purchasing/export");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body().lines().toList()).hasSize(2);
        assertThat(csv.body().lines().skip(1).findFirst().orElseThrow())
                .startsWith("WLY0QU1098,Linen shirt,blue / M,12,7,0,Zhejiang Linen Mill");
        assertThat(warehouse.get("/api/purchasing").status())
                .as("the list is purchasing's")
                .isEqualTo(403);

        Api.Response notice = warehouse.post(
                "/api/purchasing/notices", Map.of("sku", "WLY0QU1099", "quantity", 20, "note", "big customer asking"));
        assertThat(notice.status()).as(notice.body()).isEqualTo(201);
        assertThat(purchasing
                        .get("/api/purchasing/notices")
                        .json()
                        .get(0)
                        .get("requestedBy")
                        .asString())
                .isEqualTo("Jonas");
        assertThat(purchasing
                        .post(
                                "/api/purchasing/notices/"
                                        + notice.json().get("id").asLong() + "/done",
                                "{}")
                        .status())
                .isEqualTo(204);
        assertThat(purchasing
                        .get("/api/purchasing/notices")
                        .json()
                        .get(0)
                        .get("doneBy")
                        .asString())
                .isEqualTo("Ola");
        long supplierId = line.at("/supplier/id").asLong();
        Api.Response contact = purchasing.put(
                "/api/catalog/suppliers/" + supplierId,
                Map.of(
                        "name",
                        "Zhejiang Linen Mill",
                        "contactName",
                        "Chen Jing",
                        "email",
                        "sales@linen.example",
                        "phone",
                        "+86 571 8888 0000"));
        assertThat(contact.status()).as(contact.body()).isEqualTo(200);
        assertThat(purchasing
                        .get("/api/purchasing")
                        .json()
                        .at("/0/supplier/email")
                        .asString())
                .isEqualTo("sales@linen.example");
        assertThat(purchasing
                        .put(
                                "/api/catalog/suppliers/" + supplierId,
                                Map.of("name", "Zhejiang Linen Mill", "email", "not-an-address"))
                        .json()
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("email");
        assertThat(warehouse
                        .put("/api/catalog/suppliers/" + supplierId, Map.of("name", "Mine"))
                        .status())
                .isEqualTo(403);
        assertThat(warehouse
                        .post("/api/purchasing/notices", Map.of("sku", "NOPE", "quantity", 1))
                        .json()
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("sku");
    }

    @Test
    void theCatalogRoundTripsThroughCsvAndBadRowsAreReportedByLineAndColumn() throws Exception {
        purchasing.post("/api/catalog/products", shirt("WLY0QU1098", "WLY0QU1099"));
        String exported = warehouse.get("/api/catalog/export").body();
        assertThat(exported.lines().findFirst().orElseThrow())
                .startsWith("product_code,product_name,sku,attributes,status,allow_backorder,supplier");

        String edited = exported.replace("Linen shirt", "Leinenhemd")
                + "JKT0NV,Wool jacket,JKT0NV2040,colour=navy; size=M,NORMAL,false,Tuchfabrik Lahn,54.00,EUR,3,899.00,129.00\n"
                + "CAP0BK,Cap,CAP0BK4010,colour=black,NORMAL,false,,-1,EUR,3,,24.90\n"
                + ",No code,XYZ1,,NORMAL,false,,,,,,\n";
        HttpResponse<String> report = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/catalog/import"))
                                .header("Authorization", "Bearer " + fixtures.token(olaActor))
                                .header("Content-Type", "text/csv")
                                .POST(HttpRequest.BodyPublishers.ofString(edited))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        JsonNode json = Api.json().readTree(report.body());
        assertThat(json.get("created").asInt()).as("the jacket").isEqualTo(1);
        assertThat(json.get("updated").asInt()).as("the shirt").isEqualTo(1);
        List<String> problems = json.get("problems")
                .valueStream()
                .map(p -> p.get("line").asLong() + ":" + p.get("column").asString() + ":"
                        + p.get("code").asString())
                .toList();
        assertThat(problems)
                .containsExactlyInAnyOrder(
                        "5:purchase_price:validation.not-negative", "6:product_code:validation.required");
        assertThat(warehouse.get("/api/catalog/variants?q=Leinenhemd").json().size())
                .isEqualTo(2);
        assertThat(warehouse.get("/api/catalog/variants/CAP0BK4010").status())
                .as("the bad row was skipped")
                .isEqualTo(404);
        assertThat(warehouse
                        .get("/api/catalog/variants/JKT0NV2040")
                        .json()
                        .at("/variant/prices/CNY")
                        .asLong())
                .isEqualTo(89900);
    }

    @Test
    void adminsKeepLocationsAndHolidaysOthersOnlyReadThem() {
        Api admin = new Api(port).bearer(fixtures.token(fixtures.user("root", Role.ADMIN)));
        Api.Response added = admin.post("/api/locations", Map.of("code", "hz", "name", "Hangzhou", "country", "CN"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("code").asString()).isEqualTo("HZ");
        Api.Response again = admin.post("/api/locations", Map.of("code", "HZ", "name", "Again", "country", "CN"));
        assertThat(again.json().at("/errors/0/field").asString())
                .as(again.body())
                .isEqualTo("code");
        assertThat(admin.post("/api/locations", Map.of("code", "OSL", "name", "Oslo", "country", "XX"))
                        .json()
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("country");
        assertThat(warehouse
                        .post("/api/locations", Map.of("code", "OSL", "name", "Oslo", "country", "NO"))
                        .status())
                .isEqualTo(403);
        assertThat(warehouse
                        .get("/api/locations")
                        .json()
                        .valueStream()
                        .map(l -> l.get("code").asString())
                        .toList())
                .containsExactly("MAIN", "HZ");

        // Friday 2027-10-29; Monday 2027-11-01 becomes a holiday: two working days later is Wednesday.
        Instant friday = ZonedDateTime.parse("2027-10-29T10:00:00+01:00").toInstant();
        assertThat(admin.put("/api/calendar/holidays/DE/2027-11-01", Map.of("name", "Allerheiligen"))
                        .status())
                .isEqualTo(200);
        assertThat(workingDays
                        .after(friday, 2, "DE")
                        .atZone(ZoneId.of("Europe/Berlin"))
                        .toLocalDate())
                .isEqualTo(LocalDate.of(2027, 11, 3));
        assertThat(warehouse
                        .get("/api/calendar/holidays?country=DE")
                        .json()
                        .valueStream()
                        .anyMatch(h -> h.get("name").asString().equals("Allerheiligen")))
                .isTrue();
        assertThat(admin.put("/api/calendar/holidays/DE/2027-13-01", Map.of("name", "x"))
                        .json()
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("day");
        assertThat(admin.put("/api/calendar/holidays/DE/2027-11-02", Map.of("name", " "))
                        .json()
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("name");
        assertThat(warehouse.delete("/api/calendar/holidays/DE/2027-11-01").status())
                .isEqualTo(403);
        assertThat(admin.delete("/api/calendar/holidays/DE/2027-11-01").status())
                .isEqualTo(204);
        assertThat(admin.delete("/api/calendar/holidays/DE/2027-11-01").status())
                .isEqualTo(404);
        assertThat(workingDays
                        .after(friday, 2, "DE")
                        .atZone(ZoneId.of("Europe/Berlin"))
                        .toLocalDate())
                .isEqualTo(LocalDate.of(2027, 11, 2));
    }
}
