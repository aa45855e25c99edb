package dev.kontor.integration;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.integration.internal.WebhookRepository.Delivery;
import dev.kontor.orders.NoteKind;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.OrderNotes;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.support.Api;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Webhooks against a real HTTP endpoint on this machine (the test settings allow localhost): deliveries signed with
 * the secret shown once (and the old one too, for a day after a rotation), in order per order, none sent twice at once
 * by two dispatchers; an endpoint that fails is retried with doubling waits, the delivery dies after the retry window
 * with its last status and answer kept, the webhook turns off and the admins get a mail; a replay sends again; bad
 * URLs, types and cursors are refused naming the field.
 */
@KontorTest
class WebhooksTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Webhooks webhooks;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    OrderEvents events;

    @Autowired
    OrderLifecycle lifecycle;

    @Autowired
    OrderNotes notes;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    HttpServer endpoint;
    final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    final AtomicInteger answer = new AtomicInteger(200);
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();
    Actor admin;

    record Received(String body, String signature, String eventId) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/hook", exchange -> {
            int now = inFlight.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            try {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(
                        body,
                        exchange.getRequestHeaders().getFirst("Kontor-Signature"),
                        exchange.getRequestHeaders().getFirst("Kontor-Event-Id")));
                byte[] reply = (answer.get() == 200 ? "ok" : "upstream exploded").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.get(), reply.length);
                exchange.getResponseBody().write(reply);
            } finally {
                inFlight.decrementAndGet();
                exchange.close();
            }
        });
        endpoint.createContext("/slow", exchange -> {
            try {
                Thread.sleep(6_000);
                exchange.sendResponseHeaders(200, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        endpoint.setExecutor(Executors.newFixedThreadPool(4));
        endpoint.start();
        admin = fixtures.user("ada", Role.ADMIN, Role.SUPERVISOR);
    }

    @AfterEach
    void tearDown() {
        endpoint.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hook";
    }

    /** Sequences the events and sends what is due, as the jobs do. */
    private void deliver() {
        events.sequence();
        while (dispatcher.run(50) > 0) {
            // until nothing is due
        }
    }

    @Test
    void deliveriesAreSignedAndInOrderPerOrder() {
        Webhooks.WithSecret made = webhooks.subscribe(
                admin,
                new Webhooks.Definition(url(), "ERP", List.of("order.approved", "order.held", "order.released")));
        assertThat(made.secret()).startsWith("whsec_");
        Order order = fixtures.order(admin, false);
        lifecycle.act(admin, order.id(), null, OrderAction.HOLD, "address?");
        lifecycle.act(admin, order.id(), null, OrderAction.RELEASE, null);
        lifecycle.act(admin, order.id(), null, OrderAction.APPROVE, null);

        deliver();

        assertThat(received)
                .extracting(r -> r.json().get("type").asString())
                .containsExactly("dev.kontor.order.held", "dev.kontor.order.released", "dev.kontor.order.approved");
        assertThat(received).extracting(r -> r.json().get("sequence").asLong()).isSorted();
        assertThat(received).allSatisfy(r -> {
            assertThat(WebhookSignature.verifies(r.signature(), r.body(), made.secret()))
                    .isTrue();
            assertThat(WebhookSignature.verifies(r.signature(), r.body(), "whsec_someone-else"))
                    .isFalse();
            assertThat(r.eventId()).isEqualTo(r.json().get("id").asString());
        });
        assertThat(webhooks.deliveries(admin, made.webhook().id(), "DELIVERED", 10))
                .hasSize(3);

        // a rotated secret: for a day, deliveries are signed with both
        Webhooks.WithSecret rotated = webhooks.rotate(admin, made.webhook().id());
        received.clear();
        notes.add(admin, order.id(), NoteKind.INTERNAL, "not subscribed: no delivery");
        lifecycle.act(admin, order.id(), null, OrderAction.HOLD, "again");
        deliver();
        Received after = received.peek();
        assertThat(received).hasSize(1);
        assertThat(WebhookSignature.verifies(after.signature(), after.body(), rotated.secret()))
                .isTrue();
        assertThat(WebhookSignature.verifies(after.signature(), after.body(), made.secret()))
                .isTrue();
    }

    @Test
    void twoDispatchersAtOnceNeverSendOneDeliveryTwice() throws Exception {
        long first = webhooks.subscribe(admin, new Webhooks.Definition(url(), null, List.of()))
                .webhook()
                .id();
        long idle = webhooks.subscribe(admin, new Webhooks.Definition(url(), "off", List.of()))
                .webhook()
                .id();
        webhooks.disable(admin, idle);
        for (int i = 0; i < 6; i++) {
            fixtures.order(admin, false);
        }
        events.sequence();
        ExecutorService two = Executors.newFixedThreadPool(2);
        Future<?> a = two.submit(() -> dispatcher.run(50));
        Future<?> b = two.submit(() -> dispatcher.run(50));
        a.get();
        b.get();
        two.shutdown();
        deliver();
        assertThat(received).hasSize(6);
        assertThat(received).extracting(Received::eventId).doesNotHaveDuplicates();
        // the list counts each webhook's deliveries (in one query for all of them)
        assertThat(webhooks.all(admin))
                .filteredOn(w -> w.id() == first)
                .singleElement()
                .satisfies(w -> assertThat(w.deliveries()).containsEntry("DELIVERED", 6L));
        assertThat(webhooks.all(admin))
                .filteredOn(w -> w.id() == idle)
                .singleElement()
                .satisfies(w -> assertThat(w.deliveries()).isEmpty());
    }

    @Test
    void anEndpointThatFailsIsRetriedThenGivenUpTurnedOffAndTheAdminTold() {
        Webhooks.WithSecret made = webhooks.subscribe(admin, new Webhooks.Definition(url(), null, List.of()));
        long id = made.webhook().id();
        answer.set(500);
        Order order = fixtures.order(admin, false);
        lifecycle.act(admin, order.id(), null, OrderAction.APPROVE, null);

        deliver();
        assertThat(received).hasSize(1); // the order's second event waits behind its first
        Delivery first = webhooks.deliveries(admin, id, "PENDING", 10).stream()
                .filter(d -> d.attempts() == 1)
                .findFirst()
                .orElseThrow();
        assertThat(first.lastStatus()).isEqualTo(500);
        assertThat(first.lastResponse()).isEqualTo("upstream exploded");
        assertThat(Duration.between(first.lastAttemptAt(), first.nextAttemptAt()))
                .isEqualTo(Duration.ofSeconds(30));

        deliver(); // not due yet: nothing sent
        assertThat(received).hasSize(1);
        for (int i = 0; i < 40 && webhooks.get(admin, id).active(); i++) {
            clock.advance(Duration.ofHours(6));
            deliver();
        }
        Webhooks.Webhook off = webhooks.get(admin, id);
        assertThat(off.active()).isFalse();
        assertThat(off.disabledReason()).isEqualTo("webhook.disabled.failing");
        assertThat(webhooks.deliveries(admin, id, "DEAD", 10)).singleElement().satisfies(d -> {
            assertThat(d.lastStatus()).isEqualTo(500);
            assertThat(d.lastError()).isEqualTo("webhook.error.status");
            assertThat(d.attempts()).isGreaterThan(5);
        });
        assertThat(jdbc.sql("SELECT count(*) FROM outgoing_mail WHERE purpose = 'webhook-disabled'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // the endpoint works again: turned on, what waited goes out; the dead one is replayed
        answer.set(200);
        received.clear();
        webhooks.enable(admin, id);
        deliver();
        assertThat(received)
                .extracting(r -> r.json().get("type").asString())
                .containsExactly("dev.kontor.order.approved");
        long before = received.peek().json().get("cursor").asLong() - 1;
        received.clear();
        assertThat(webhooks.replay(admin, id, before - 1, null)).isEqualTo(2);
        deliver();
        assertThat(received)
                .extracting(r -> r.json().get("type").asString())
                .containsExactly("dev.kontor.order.placed", "dev.kontor.order.approved");
    }

    @Test
    void aSlowEndpointTimesOutAndIsRetriedNeverHoldingTheWorker() {
        String slow = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/slow";
        long id = webhooks.subscribe(admin, new Webhooks.Definition(slow, null, List.of()))
                .webhook()
                .id();
        fixtures.order(admin, false);
        long started = System.nanoTime();
        deliver();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5)); // 2 s timeout
        assertThat(webhooks.deliveries(admin, id, "PENDING", 10))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.lastError()).isEqualTo("webhook.error.timeout");
                    assertThat(d.attempts()).isEqualTo(1);
                });
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertThatThrownBy(() ->
                        webhooks.subscribe(admin, new Webhooks.Definition("http://203.0.113.5/hook", null, List.of())))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field() + " " + p.code())
                                .containsExactly("url validation.webhook.https"));
        assertThatThrownBy(() ->
                        webhooks.subscribe(admin, new Webhooks.Definition("https://10.0.0.7/hook", null, List.of())))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field() + " " + p.code())
                                .containsExactly("url validation.webhook.private"));
        assertThatThrownBy(() ->
                        webhooks.subscribe(admin, new Webhooks.Definition(url(), null, List.of("order.teleported"))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("eventTypes"));

        Api api = new Api(port).bearer(fixtures.token(admin));
        Api.Response created =
                api.post("/api/webhooks", Map.of("url", url(), "eventTypes", List.of("dev.kontor.order.paid")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("secret").asString()).startsWith("whsec_");
        long id = created.json().get("webhook").get("id").asLong();
        assertThat(api.get("/api/webhooks/" + id).body()).doesNotContain("whsec_"); // shown once
        Api.Response badCursor = api.post("/api/webhooks/" + id + "/replay", Map.of("after", 999_999));
        assertThat(badCursor.status()).isEqualTo(422);
        assertThat(badCursor.body()).contains("\"after\"");
        Api.Response ftp = api.post("/api/webhooks", Map.of("url", "ftp://example.com/x"));
        assertThat(ftp.status()).isEqualTo(422);
        assertThat(ftp.body()).contains("\"url\"");
        Api.Response sales = new Api(port)
                .bearer(fixtures.token(fixtures.user("sven", Role.SALES)))
                .get("/api/webhooks");
        assertThat(sales.status()).isEqualTo(403);
    }
}
