package dev.kontor.access;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.support.Api;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Access over HTTP: who gets 401, 403 naming the permission, 202 pointing to an approval request. */
@KontorTest
class AccessApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditLog audit;

    @Autowired
    MutableClock clock;

    Api sven;
    Api wang;
    Api ingrid;
    Api admin;

    @BeforeEach
    void setUp() {
        sven = new Api(port).bearer(fixtures.token(fixtures.user("sven", Role.SALES)));
        wang = new Api(port).bearer(fixtures.token(fixtures.user("wang", Role.SUPERVISOR)));
        ingrid = new Api(port).bearer(fixtures.token(fixtures.user("ingrid", Role.FINANCE)));
        admin = new Api(port).bearer(fixtures.token(fixtures.user("root", Role.ADMIN)));
    }

    private JsonNode svensOrder() {
        Api.Response created = sven.post(
                "/api/orders",
                Map.of(
                        "channel",
                        "MANUAL",
                        "currency",
                        "EUR",
                        "customer",
                        Map.of("name", "Jana Schmidt", "country", "DE"),
                        "shippingAddress",
                        Map.of("name", "Jana Schmidt", "street", "Hauptstraße 12", "city", "Köln", "country", "DE"),
                        "lines",
                        List.of(Map.of("sku", "SHIRT", "name", "Shirt", "unitPrice", 5000, "quantity", 2))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    @Test
    void aSalespersonRecordingAPaymentGets403NamingThePermission() {
        JsonNode order = svensOrder();
        Api.Response response = sven.post(
                "/api/orders/" + order.get("id").asLong() + "/payments",
                Map.of("amount", 1000, "currency", "EUR", "method", "CARD"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("permission").asString()).isEqualTo("PAYMENT_RECORD");
        assertThat(audit.latest(AuditEvent.PERMISSION_DENIED, "sven", 10)).hasSize(1);
    }

    @Test
    void voidingAnOrderThatReceivedMoneyIsAskedForWith202AndASupervisorApprovesIt() {
        JsonNode order = svensOrder();
        String path = "/api/orders/" + order.get("id").asLong();
        assertThat(sven.post(path + "/approve", Map.of()).status()).isEqualTo(200);
        ingrid.post(path + "/payments", Map.of("amount", 10000, "currency", "EUR", "method", "CARD"));
        ingrid.post(path + "/refunds", Map.of("amount", 10000, "currency", "EUR", "method", "CARD"));

        Api.Response asked = sven.post(path + "/cancel", Map.of("reason", "customer changed her mind"));
        assertThat(asked.status()).isEqualTo(202);
        String location = asked.header("Location");
        assertThat(location).startsWith("/api/approvals/");
        assertThat(sven.get(path).json().at("/status/lifecycle").asString()).isEqualTo("APPROVED");

        JsonNode request = wang.get(location).json();
        assertThat(request.get("status").asString()).isEqualTo("PENDING");
        assertThat(request.get("requestedByName").asString()).isEqualTo("Sven");
        assertThat(request.get("reason").asString()).isEqualTo("customer changed her mind");
        assertThat(request.get("why").asString()).isEqualTo("approval.why.money-received");

        Api.Response approved = wang.post(location + "/approve", Map.of("comment", "ok"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(sven.get(path).json().at("/status/lifecycle").asString()).isEqualTo("CANCELLED");
        List<String> history = sven.get(path + "/timeline")
                .json()
                .valueStream()
                .map(e -> e.get("actorName").asString() + " " + e.get("action").asString())
                .toList();
        assertThat(history.subList(0, 3))
                .containsExactly("Wang approval.approved", "Sven order.cancel", "Sven approval.requested");
    }

    @Test
    void nobodyApprovesTheirOwnRequestAndNothingIsDecidedTwice() {
        Actor promoted = fixtures.user("boss", Role.CUSTOMER_SERVICE);
        Api boss = new Api(port).bearer(fixtures.token(promoted));
        JsonNode order = svensOrder();
        String path = "/api/orders/" + order.get("id").asLong();
        String location = boss.post(path + "/cancel", Map.of()).header("Location");
        assertThat(location).as("customer service voids with approval").isNotNull();
        admin.put(
                "/api/users/" + promoted.userId() + "/roles",
                Map.of("roles", List.of("CUSTOMER_SERVICE", "SUPERVISOR")));

        Api.Response own = boss.post(location + "/approve", Map.of());
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.json().get("reason").asString()).isEqualTo("approval.refused.own-request");

        assertThat(wang.post(location + "/decline", Map.of("comment", "no")).status())
                .isEqualTo(200);
        Api.Response twice = wang.post(location + "/approve", Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("reason").asString()).isEqualTo("approval.refused.decided");
        assertThat(sven.get(path).json().at("/status/lifecycle").asString()).isEqualTo("NEW");
    }

    @Test
    void anApprovalOfSomethingNoLongerPossibleFailsWithTheReason() {
        JsonNode order = svensOrder();
        String path = "/api/orders/" + order.get("id").asLong();
        Actor service = fixtures.user("service", Role.CUSTOMER_SERVICE);
        Api cs = new Api(port).bearer(fixtures.token(service));
        String location =
                cs.post(path + "/cancel", Map.of("reason", "duplicate")).header("Location");
        sven.post(path + "/approve", Map.of());
        ingrid.post(path + "/payments", Map.of("amount", 10000, "currency", "EUR", "method", "CARD"));

        Api.Response approved = wang.post(location + "/approve", Map.of());
        assertThat(approved.status()).isEqualTo(409);
        assertThat(approved.json().get("reason").asString()).isEqualTo("order.refused.paid-refund-first");
        JsonNode request = wang.get(location).json();
        assertThat(request.get("status").asString()).isEqualTo("FAILED");
        assertThat(request.get("outcome").asString()).contains("Refund the payment");
        assertThat(sven.get(path).json().at("/status/lifecycle").asString()).isEqualTo("APPROVED");
    }

    @Test
    void aDiscountOverTheLimitWaitsAsADraftUntilApproved() {
        Map<String, Object> body = new HashMap<>(Map.of(
                "channel",
                "MANUAL",
                "currency",
                "EUR",
                "customer",
                Map.of("name", "Jana Schmidt", "country", "DE"),
                "shippingAddress",
                Map.of("name", "Jana Schmidt", "street", "Hauptstraße 12", "city", "Köln", "country", "DE"),
                "lines",
                List.of(Map.of("sku", "SHIRT", "name", "Shirt", "unitPrice", 5000, "quantity", 2))));
        body.put("discount", 1500);
        Api.Response asked = sven.post("/api/orders", body);
        assertThat(asked.status()).isEqualTo(202);
        long orderId = asked.json().get("orderId").asLong();
        assertThat(sven.get("/api/orders/" + orderId)
                        .json()
                        .at("/status/lifecycle")
                        .asString())
                .isEqualTo("DRAFT");
        assertThat(wang.post(asked.header("Location") + "/approve", Map.of()).status())
                .isEqualTo(200);
        assertThat(sven.get("/api/orders/" + orderId)
                        .json()
                        .at("/status/lifecycle")
                        .asString())
                .isEqualTo("NEW");
    }

    @Test
    void salesSeeOnlyTheOrdersTheyAreResponsibleForOrObserve() {
        JsonNode mine = svensOrder();
        Actor other = fixtures.user("olga", Role.SALES);
        Api olga = new Api(port).bearer(fixtures.token(other));
        assertThat(olga.get("/api/orders/" + mine.get("id").asLong()).status()).isEqualTo(404);
        assertThat(olga.get("/api/orders").json().get("items")).isEmpty();
        assertThat(wang.get("/api/orders").json().get("items")).hasSize(1);
    }

    @Test
    void adminsManageUsersAndUnknownRolesAre422() {
        Api.Response created = admin.post(
                "/api/users",
                Map.of(
                        "username",
                        "li.na",
                        "displayName",
                        "Li Na",
                        "password",
                        "a-long-enough-password",
                        "language",
                        "zh_CN",
                        "roles",
                        List.of("CUSTOMER_SERVICE")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("password").doesNotContain("$2a$");
        long id = created.json().get("id").asLong();

        Api.Response badRole = admin.put("/api/users/" + id + "/roles", Map.of("roles", List.of("CEO")));
        assertThat(badRole.status()).isEqualTo(422);
        assertThat(badRole.json().at("/errors/0/field").asString()).isEqualTo("roles");

        Api.Response roles = admin.put("/api/users/" + id + "/roles", Map.of("roles", List.of("FINANCE", "WAREHOUSE")));
        assertThat(roles.json()
                        .get("roles")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactlyInAnyOrder("FINANCE", "WAREHOUSE");

        Api.Response notAdmin = sven.post("/api/users", Map.of("username", "x"));
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(notAdmin.json().get("permission").asString()).isEqualTo("USERS_MANAGE");
    }

    @Test
    void aDisabledUserGets401WithPasswordAndWithToken() {
        Actor temp = fixtures.user("temp", Role.SALES);
        Api token = new Api(port).bearer(fixtures.token(temp));
        assertThat(token.get("/api/orders").status()).isEqualTo(200);
        assertThat(admin.post("/api/users/" + temp.userId() + "/disable", Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(token.get("/api/orders").status()).isEqualTo(401);
        assertThat(new Api(port)
                        .basic("temp", Fixtures.PASSWORD)
                        .post("/api/tokens", Map.of("name", "x"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void repeatedWrongPasswordsLockTheNameForAWhileAndTheAuditLogSaysSo() {
        fixtures.user("victim", Role.SALES);
        for (int i = 0; i < 5; i++) {
            assertThat(new Api(port)
                            .basic("victim", "wrong-password-" + i)
                            .post("/api/tokens", Map.of("name", "x"))
                            .status())
                    .isEqualTo(401);
        }
        assertThat(new Api(port)
                        .basic("victim", Fixtures.PASSWORD)
                        .post("/api/tokens", Map.of("name", "x"))
                        .status())
                .as("even the right password is refused while locked")
                .isEqualTo(401);
        JsonNode log = admin.get("/api/audit?username=victim").json();
        List<String> events =
                log.valueStream().map(e -> e.get("event").asString()).toList();
        assertThat(events).startsWith("SIGN_IN_LOCKED").contains("SIGN_IN_FAILED");
        assertThat(log.toString()).doesNotContain("wrong-password").doesNotContain(Fixtures.PASSWORD);
    }

    @Test
    void anExpiredTokenGets401() {
        Api.Response issued = new Api(port)
                .basic("sven", Fixtures.PASSWORD)
                .post("/api/tokens", Map.of("name", "short-lived", "expiresInDays", 30));
        assertThat(issued.status()).isEqualTo(201);
        Api withToken = new Api(port).bearer(issued.json().get("token").asString());
        assertThat(withToken.get("/api/orders").status()).isEqualTo(200);
        clock.advance(Duration.ofDays(31));
        assertThat(withToken.get("/api/orders").status()).isEqualTo(401);
        Api.Response tooLong = new Api(port)
                .basic("sven", Fixtures.PASSWORD)
                .post("/api/tokens", Map.of("name", "forever-ish", "expiresInDays", 99999));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().at("/errors/0/field").asString()).isEqualTo("expiresInDays");
    }

    @Test
    void signInsAreAudited() {
        fixtures.user("mei", Role.CUSTOMER_SERVICE);
        new Api(port).basic("mei", Fixtures.PASSWORD).post("/api/tokens", Map.of("name", "x"));
        List<String> events = admin.get("/api/audit?username=mei")
                .json()
                .valueStream()
                .map(e -> e.get("event").asString())
                .toList();
        assertThat(events).contains("SIGN_IN", "TOKEN_CREATED");
    }
}
