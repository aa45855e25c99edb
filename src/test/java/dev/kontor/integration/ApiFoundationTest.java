package dev.kontor.integration;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
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

/** The API shell: getting a token, authenticating with it, and bad input answered as problem+json. */
@KontorTest
class ApiFoundationTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Actor clerk;

    @BeforeEach
    void setUp() {
        clerk = fixtures.user("clerk", Role.SALES);
    }

    static Map<String, Object> order(String sku, int quantity) {
        return Map.of(
                "channel",
                "WEBSHOP",
                "customer",
                Map.of("name", "Jana Schmidt", "country", "DE", "email", "jana@example.de"),
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
                        "DE"),
                "currency",
                "EUR",
                "lines",
                List.of(Map.of("sku", sku, "name", "Shirt", "unitPrice", 2990, "quantity", quantity)));
    }

    private long orderCount() {
        return jdbc.sql("SELECT count(*) FROM orders").query(Long.class).single();
    }

    @Test
    void aScriptGetsATokenWithBasicAuthAndCreatesAnOrderWithIt() {
        Api.Response issued =
                new Api(port).basic("clerk", Fixtures.PASSWORD).post("/api/tokens", Map.of("name", "import"));
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.json().get("token").asString();
        assertThat(token).startsWith("kontor_");

        Api api = new Api(port).bearer(token);
        Api.Response created = api.post("/api/orders", order("SHIRT-M", 2));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location"))
                .isEqualTo("/api/orders/" + created.json().get("id").asLong());
        assertThat(created.json().get("number").asString()).isEqualTo("WS-000001");
        assertThat(created.json().at("/totals/total").asLong()).isEqualTo(5980);

        JsonNode fetched = api.get(created.header("Location")).json();
        assertThat(fetched.at("/status/lifecycle").asString()).isEqualTo("NEW");
        assertThat(fetched.at("/customer/name").asString()).isEqualTo("Jana Schmidt");
        assertThat(api.get("/api/orders").json().at("/items/0/number").asString())
                .isEqualTo("WS-000001");
    }

    @Test
    void theTokenIsStoredOnlyAsAHash() {
        String token = fixtures.token(clerk);
        List<String> stored = jdbc.sql("SELECT encode(token_hash, 'escape') || token_hint FROM api_tokens")
                .query(String.class)
                .list();
        assertThat(stored).noneMatch(s -> s.contains(token));
    }

    @Test
    void wrongCredentialsGet401WithoutSayingWhichPartWasWrong() {
        Api.Response wrongPassword =
                new Api(port).basic("clerk", "wrong-password!").post("/api/tokens", Map.of("name", "x"));
        Api.Response unknownUser =
                new Api(port).basic("nobody", Fixtures.PASSWORD).post("/api/tokens", Map.of("name", "x"));
        Api.Response wrongToken =
                new Api(port).bearer("kontor_not-a-real-token").get("/api/orders");
        Api.Response none = new Api(port).get("/api/orders");
        for (Api.Response response : List.of(wrongPassword, unknownUser, wrongToken, none)) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(wrongPassword.body()).isEqualTo(unknownUser.body());
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnce() {
        Api api = new Api(port).basic("clerk", Fixtures.PASSWORD);
        JsonNode issued = api.post("/api/tokens", Map.of("name", "temp")).json();
        Api withToken = new Api(port).bearer(issued.get("token").asString());
        assertThat(withToken.get("/api/orders").status()).isEqualTo(200);
        assertThat(withToken.delete("/api/tokens/" + issued.get("id").asLong()).status())
                .isEqualTo(204);
        assertThat(withToken.get("/api/orders").status()).isEqualTo(401);
    }

    @Test
    void malformedJsonIs400AndNothingIsStored() {
        Api.Response response = new Api(port).bearer(fixtures.token(clerk)).post("/api/orders", "{\"channel\": ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("JSON");
        assertThat(orderCount()).isZero();
    }

    @Test
    void anOrderWithoutLinesIs422NamingTheField() {
        Map<String, Object> body = new HashMap<>(order("A", 1));
        body.put("lines", List.of());
        Api.Response response = new Api(port).bearer(fixtures.token(clerk)).post("/api/orders", body);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("lines");
        assertThat(response.json().at("/errors/0/message").asString()).isEqualTo("Add at least one item.");
        assertThat(orderCount()).isZero();
    }

    @Test
    void zeroAndNegativeQuantitiesAreEachNamed() {
        Map<String, Object> body = new HashMap<>(order("A", 0));
        body.put(
                "lines",
                List.of(
                        Map.of("sku", "A", "name", "a", "unitPrice", 100, "quantity", 0),
                        Map.of("sku", "B", "name", "b", "unitPrice", 100, "quantity", -3)));
        Api.Response response = new Api(port).bearer(fixtures.token(clerk)).post("/api/orders", body);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString())
                        .toList())
                .containsExactly("lines[0].quantity", "lines[1].quantity");
        assertThat(orderCount()).isZero();
    }

    @Test
    void anUnknownFieldAndAValueOfTheWrongTypeAreNamed() {
        Api api = new Api(port).bearer(fixtures.token(clerk));
        Api.Response unknown = api.post("/api/orders", "{\"channel\":\"WEBSHOP\",\"colour\":\"red\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asString()).isEqualTo("colour");
        Api.Response wrongType = api.post("/api/orders", "{\"lines\":[{\"sku\":\"A\",\"quantity\":\"many\"}]}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("field").asString()).isEqualTo("lines[0].quantity");
    }

    @Test
    void aTenMegabyteBodyIs413() {
        byte[] body = new byte[10 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        Api.Response response = new Api(port).bearer(fixtures.token(clerk)).postBytes("/api/orders", body);
        assertThat(response.status()).isEqualTo(413);
        assertThat(orderCount()).isZero();
    }

    @Test
    void anUnknownApiAddressIs404ProblemJson() {
        Api.Response response = new Api(port).bearer(fixtures.token(clerk)).get("/api/nothing-here");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(new Api(port)
                        .bearer(fixtures.token(clerk))
                        .get("/api/orders/424242")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void healthIsOpenMetricsNeedAToken() {
        Api.Response health = new Api(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().has("components")).isFalse();
        assertThat(new Api(port).get("/actuator/prometheus").status()).isEqualTo(401);
        Api.Response metrics = new Api(port).bearer(fixtures.token(clerk)).get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void theApiIsDescribedInOpenApi() throws java.io.IOException {
        Api.Response docs = new Api(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        // for the third-party judges .ci/run asks after the build (Spectral, Redocly CLI)
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), docs.body());
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.has("/api/orders")).isTrue();
        assertThat(paths.has("/api/orders/{id}/{action}")).isTrue();
        assertThat(paths.has("/api/tokens")).isTrue();
        assertThat(docs.json()
                        .at("/components/schemas/OrderRequest/properties/channel/example")
                        .asString())
                .isEqualTo("TAOBAO");
        // creating an order shows a whole request, and that request is one Kontor takes
        String example = docs.json()
                .at("/paths/~1api~1orders/post/requestBody/content/application~1json/examples/shop order/value")
                .toString();
        assertThat(example).contains("SHIRT-BLUE-M");
        Api.Response created = new Api(port).bearer(fixtures.token(clerk)).post("/api/orders", example);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        // the error answers the API gives are described, as problem+json with an example
        JsonNode invalid = docs.json().at("/paths/~1api~1orders/post/responses/422/content/application~1problem+json");
        assertThat(invalid.at("/schema/$ref").asString()).isEqualTo("#/components/schemas/Problem");
        assertThat(invalid.at("/example/status").asInt()).isEqualTo(422);
        assertThat(docs.json()
                        .at("/paths/~1api~1orders~1{id}/put/responses/412")
                        .isMissingNode())
                .isFalse();
        // the lifecycle action is one of its values, not free text
        assertThat(docs.json()
                        .at("/paths/~1api~1orders~1{id}~1{action}/post/parameters/1/schema/enum")
                        .toString())
                .isEqualTo("[\"submit\",\"approve\",\"hold\",\"release\",\"cancel\",\"complete\"]");
        // an operation id a generated client can name its method by
        assertThat(docs.json().at("/paths/~1api~1orders/post/operationId").asString())
                .isEqualTo("createOrder");
        java.util.Set<String> ids = new java.util.HashSet<>();
        docs.json()
                .get("paths")
                .forEach(path -> path.forEach(op -> {
                    if (op.has("operationId")) {
                        assertThat(ids.add(op.get("operationId").asString()))
                                .as(op.get("operationId").asString())
                                .isTrue();
                    }
                }));
        // the signed-in user is Kontor's to know, not a parameter a client could send
        assertThat(docs.body()).doesNotContain("\"name\":\"actor\"");
        assertThat(docs.json()
                        .at("/paths/~1api~1orders~1{id}~1stage/put/requestBody")
                        .isMissingNode())
                .isFalse();
    }
}
