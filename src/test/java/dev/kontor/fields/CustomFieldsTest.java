package dev.kontor.fields;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.orders.Orders;
import dev.kontor.support.Api;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.timeline.TimelineEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Custom fields over the API on PostgreSQL: an admin adds a required delivery date, a hall to choose from and a budget;
 * an order without the date or with values of the wrong type is refused naming each field; a good one keeps them in
 * their stored form; an edit changes one (in the timeline) and an edit that does not mention them keeps them; the
 * list filters by them, the CSV export has a column each, and a sales stage can require one.
 */
@KontorTest
class CustomFieldsTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Orders orders;

    Api admin;
    Api sales;
    Actor sven;

    @BeforeEach
    void setUp() {
        admin = new Api(port).bearer(fixtures.token(fixtures.user("ada", Role.ADMIN)));
        sven = fixtures.user("sven", Role.SALES, Role.SUPERVISOR);
        sales = new Api(port).bearer(fixtures.token(sven));
        define(Map.of(
                "key",
                "deliveryDate",
                "names",
                Map.of("en", "Delivery date", "de", "Liefertermin"),
                "type",
                "DATE",
                "required",
                true));
        define(Map.of(
                "key",
                "hall",
                "names",
                Map.of("en", "Hall"),
                "type",
                "CHOICE",
                "choices",
                List.of(
                        Map.of("key", "h4", "names", Map.of("en", "Hall 4")),
                        Map.of("key", "h7", "names", Map.of("en", "Hall 7")))));
        define(Map.of("key", "budget", "names", Map.of("en", "Budget"), "type", "MONEY"));
    }

    private void define(Map<String, Object> field) {
        Api.Response created = admin.post("/api/custom-fields", field);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private Map<String, Object> order(Map<String, Object> customFields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "MANUAL");
        body.put("customer", Map.of("name", "Jana Schmidt", "email", "jana@example.de", "country", "DE"));
        body.put(
                "shippingAddress",
                Map.of(
                        "name",
                        "Jana Schmidt",
                        "street",
                        "Hauptstraße 12",
                        "postalCode",
                        "50667",
                        "city",
                        "Köln",
                        "country",
                        "DE"));
        body.put("lines", List.of(Map.of("sku", "SHIRT-BLUE-M", "name", "Shirt", "unitPrice", 2990, "quantity", 1)));
        if (customFields != null) {
            body.put("customFields", customFields);
        }
        return body;
    }

    @Test
    void anOrderIsHeldToItsFieldsAndKeepsThemInTheirStoredForm() {
        Api.Response missing = sales.post("/api/orders", order(null));
        assertThat(missing.status()).as(missing.body()).isEqualTo(422);
        assertThat(missing.body()).contains("customFields.deliveryDate").contains("“Delivery date” is required.");

        Api.Response wrong = sales.post(
                "/api/orders",
                order(Map.of(
                        "deliveryDate",
                        "24.12.2026",
                        "hall",
                        "h9",
                        "budget",
                        Map.of("minor", 1, "currency", "ABC"),
                        "colour",
                        "blue")));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body())
                .contains(
                        "customFields.deliveryDate", "customFields.hall", "customFields.budget", "customFields.colour");

        Api.Response placed = sales.post(
                "/api/orders",
                order(Map.of(
                        "deliveryDate",
                        "2026-12-24",
                        "hall",
                        "h4",
                        "budget",
                        Map.of("minor", 125000, "currency", "EUR"))));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        JsonNode fields = placed.json().get("customFields");
        assertThat(fields.get("deliveryDate").asString()).isEqualTo("2026-12-24");
        assertThat(fields.get("hall").asString()).isEqualTo("h4");
        assertThat(fields.get("budget").get("minor").asLong()).isEqualTo(125000);
        long id = placed.json().get("id").asLong();

        Map<String, Object> edit = order(Map.of("deliveryDate", "2026-12-27", "hall", "h7"));
        Api.Response edited = sales.header("If-Match", placed.header("ETag")).put("/api/orders/" + id, edit);
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("customFields").has("budget")).isFalse();
        TimelineEntry change = orders.timeline(sven, id).stream()
                .filter(e -> e.changes().stream().anyMatch(c -> c.field().equals("customFields.hall")))
                .findFirst()
                .orElseThrow();
        assertThat(change.changes()).anySatisfy(c -> {
            assertThat(c.field()).isEqualTo("customFields.deliveryDate");
            assertThat(c.before()).isEqualTo("2026-12-24");
            assertThat(c.after()).isEqualTo("2026-12-27");
        });

        Api.Response untouched = sales.header("If-Match", edited.header("ETag")).put("/api/orders/" + id, order(null));
        assertThat(untouched.status()).as(untouched.body()).isEqualTo(200);
        assertThat(untouched.json().get("customFields").get("hall").asString()).isEqualTo("h7");
    }

    @Test
    void theListFiltersByThemAndTheExportHasAColumnEach() throws Exception {
        sales.post("/api/orders", order(Map.of("deliveryDate", "2026-12-24", "hall", "h4")));
        sales.post("/api/orders", order(Map.of("deliveryDate", "2026-12-24", "hall", "h7")));
        sales.post("/api/orders", order(Map.of("deliveryDate", "2026-12-31", "hall", "h7")));

        JsonNode h7 = sales.get("/api/orders?cf.hall=h7").json();
        assertThat(h7.get("items")).hasSize(2);
        JsonNode h7AndDate =
                sales.get("/api/orders?cf.hall=h7&cf.deliveryDate=2026-12-24").json();
        assertThat(h7AndDate.get("items")).hasSize(1);
        Api.Response bad = sales.get("/api/orders?cf.hall=h9");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("customFields.hall");

        String csv = sales.get("/api/orders/export?cf.hall=h7").body();
        List<String> rows =
                new java.io.BufferedReader(new StringReader(csv)).lines().toList();
        assertThat(rows.get(0)).endsWith(",cf.deliveryDate,cf.hall,cf.budget");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).endsWith(",h7,");
    }

    @Test
    void aSalesStageCanRequireAField() {
        Api.Response placed = sales.post("/api/orders", order(Map.of("deliveryDate", "2026-12-24")));
        long id = placed.json().get("id").asLong();
        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put("names", Map.of("en", "Hall booked"));
        stage.put("colour", "#7a5af8");
        stage.put("lifecycle", "NEW");
        stage.put("outcome", "OPEN");
        stage.put("requiredFields", List.of("hall"));
        Api.Response added = admin.post("/api/pipelines/1/stages", stage);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        stage.put("requiredFields", List.of("nope"));
        assertThat(admin.post("/api/pipelines/1/stages", stage).body()).contains("\"requiredFields\"");

        Api.Response refused = sales.put(
                "/api/orders/" + id + "/stage",
                Map.of("stageId", added.json().get("id").asLong()));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("customFields.hall").contains("Hall booked");
    }
}
