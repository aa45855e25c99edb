package dev.kontor.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.orders.NoteKind;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.OrderNotes;
import dev.kontor.payments.PaymentKind;
import dev.kontor.payments.PaymentRequest;
import dev.kontor.payments.Payments;
import dev.kontor.support.Api;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order's events on PostgreSQL: written with the change (none for a change rolled back), numbered per order
 * without gaps however many change it at once, given a cursor in commit order (an event committed late is not skipped
 * by a reader who already passed the events committed before it), read through the feed as CloudEvents, with clear
 * refusals for a cursor never given, an unknown type, and a user who may not read them.
 */
@KontorTest
class OrderEventsTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrderEvents events;

    @Autowired
    OrderLifecycle lifecycle;

    @Autowired
    OrderNotes notes;

    @Autowired
    Payments payments;

    @Autowired
    TransactionTemplate transaction;

    Actor boss;

    @BeforeEach
    void setUp() {
        boss = fixtures.user("wang.lei", Role.SUPERVISOR, Role.FINANCE);
    }

    private List<OrderEvent> all() {
        events.sequence();
        return events.after(boss, 0L, List.of(), 500).events();
    }

    private List<OrderEvent> of(Order order) {
        return all().stream().filter(e -> e.subject().equals(order.number())).toList();
    }

    @Test
    void anOrdersChangesAreItsEventsInOrderWithItsStateAfterEach() {
        Order order = fixtures.order(boss, false);
        lifecycle.act(boss, order.id(), null, OrderAction.APPROVE, null);
        payments.record(
                boss,
                order.id(),
                new PaymentRequest(PaymentKind.PAYMENT, order.totals().total(), "EUR", "CARD", null, null, null, null));

        List<OrderEvent> seen = of(order);
        assertThat(seen)
                .extracting(OrderEvent::type)
                .containsExactly("dev.kontor.order.placed", "dev.kontor.order.approved", "dev.kontor.order.paid");
        assertThat(seen).extracting(OrderEvent::sequence).containsExactly(1L, 2L, 3L);
        assertThat(seen.get(0).data()).containsEntry("lifecycle", "NEW").containsEntry("payment", "UNPAID");
        assertThat(seen.get(1).data()).containsEntry("lifecycle", "APPROVED");
        assertThat(seen.get(2).data()).containsEntry("payment", "PAID").containsEntry("currency", "EUR");
        assertThat(seen).allSatisfy(e -> {
            assertThat(e.specversion()).isEqualTo("1.0");
            assertThat(e.source()).isNotBlank();
            assertThat(e.time()).isNotNull();
        });
        assertThat(seen.get(0).cursor()).isLessThan(seen.get(1).cursor());
        assertThat(seen.get(1).cursor()).isLessThan(seen.get(2).cursor());
    }

    @Test
    void aChangeRolledBackLeavesNoEvent() {
        Order order = fixtures.order(boss, false);
        transaction.executeWithoutResult(status -> {
            lifecycle.act(boss, order.id(), null, OrderAction.APPROVE, null);
            status.setRollbackOnly();
        });
        assertThat(of(order)).extracting(OrderEvent::type).containsExactly("dev.kontor.order.placed");
    }

    @Test
    void manyChangesOfOneOrderAtOnceAreNumberedWithoutGapsOrTwins() throws Exception {
        Order order = fixtures.order(boss, false);
        ExecutorService four = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            done.add(four.submit(() -> notes.add(boss, order.id(), NoteKind.INTERNAL, "note " + n)));
        }
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        four.shutdown();
        assertThat(of(order))
                .extracting(OrderEvent::sequence)
                .containsExactlyElementsOf(
                        java.util.stream.LongStream.rangeClosed(1, 21).boxed().toList());
    }

    @Test
    void anEventCommittedLateGetsALaterCursorSoNoReaderSkipsIt() throws Exception {
        Order slow = fixtures.order(boss, false);
        Order quick = fixtures.order(boss, false);
        long before = all().get(all().size() - 1).cursor();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService one = Executors.newSingleThreadExecutor();
        Future<?> late = one.submit(() -> transaction.executeWithoutResult(s -> {
            notes.add(boss, slow.id(), NoteKind.INTERNAL, "written first, committed last");
            written.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
        notes.add(boss, quick.id(), NoteKind.INTERNAL, "written second, committed first");
        events.sequence();
        OrderEvents.Page first = events.after(boss, before, List.of(), 100);
        assertThat(first.events()).extracting(OrderEvent::subject).containsExactly(quick.number());

        release.countDown();
        late.get(30, TimeUnit.SECONDS);
        one.shutdown();
        events.sequence();
        OrderEvents.Page second = events.after(boss, first.next(), List.of(), 100);
        assertThat(second.events()).extracting(OrderEvent::subject).containsExactly(slow.number());
    }

    @Test
    void theFeedOverHttpAndItsRefusals() {
        Order order = fixtures.order(boss, false);
        lifecycle.act(boss, order.id(), null, OrderAction.HOLD, "address?");
        events.sequence();
        Api api = new Api(port).bearer(fixtures.token(boss));

        Api.Response page = api.get("/api/events?after=0&type=order.held");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        JsonNode held = page.json().get("events").get(0);
        assertThat(held.get("type").asString()).isEqualTo("dev.kontor.order.held");
        assertThat(held.get("subject").asString()).isEqualTo(order.number());
        assertThat(held.get("data").get("lifecycle").asString()).isEqualTo("ON_HOLD");
        long next = page.json().get("next").asLong();
        assertThat(api.get("/api/events?type=order.held&after=" + next).json().get("events"))
                .isEmpty();

        Api.Response noSuchCursor = api.get("/api/events?after=" + (next + 1000));
        assertThat(noSuchCursor.status()).isEqualTo(422);
        assertThat(noSuchCursor.body()).contains("\"after\"");
        Api.Response noSuchType = api.get("/api/events?type=order.teleported");
        assertThat(noSuchType.status()).isEqualTo(422);
        assertThat(noSuchType.body()).contains("\"type\"");
        Api.Response sales = new Api(port)
                .bearer(fixtures.token(fixtures.user("sven", Role.SALES)))
                .get("/api/events");
        assertThat(sales.status()).isEqualTo(403);
    }
}
