package dev.kontor.catalog;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderEditing;
import dev.kontor.orders.OrderInput;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.Orders;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.PermissionDeniedException;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.support.MutableClock;
import dev.kontor.support.Outbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stock through an order's life, time-limited holds, and every refusal leaving the ledger unchanged. */
@KontorTest
class InventoryTest {

    @Autowired
    Inventory inventory;

    @Autowired
    Reservations reservations;

    @Autowired
    Catalog catalog;

    @Autowired
    Orders orders;

    @Autowired
    OrderIntake orderIntake;

    @Autowired
    OrderLifecycle orderLifecycle;

    @Autowired
    OrderEditing orderEditing;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    Actor anna;
    long shirt;

    @BeforeEach
    void setUp() {
        anna = fixtures.user("anna");
        shirt = fixtures.product("SHIRT", false, "WLY0QU1098", "WLY0QU1099")
                .variants()
                .get(0)
                .id();
        fixtures.receive("WLY0QU1098", 10);
    }

    private Order order(boolean draft, int quantity) {
        return orderIntake
                .place(anna, Fixtures.input("MANUAL", null, Fixtures.line("WLY0QU1098", 4990, quantity)), draft)
                .order();
    }

    private long movements() {
        return jdbc.sql("SELECT count(*) FROM stock_movements")
                .query(Long.class)
                .single();
    }

    @Test
    void approvingReservesCancellingReleasesShippingConsumes() {
        Order order = order(false, 3);
        assertThat(inventory.total(shirt).reserved())
                .as("nothing held before approval")
                .isZero();
        orderLifecycle.act(anna, order.id(), null, OrderAction.APPROVE, null);
        assertThat(inventory.total(shirt)).isEqualTo(new StockFigures(null, 10, 3, 0, 0));
        orderLifecycle.act(anna, order.id(), null, OrderAction.CANCEL, "changed mind");
        assertThat(inventory.total(shirt)).isEqualTo(new StockFigures(null, 10, 0, 0, 0));

        Order second = order(false, 2);
        orderLifecycle.act(anna, second.id(), null, OrderAction.APPROVE, null);
        fixtures.ship(anna, second.id());
        assertThat(inventory.total(shirt)).isEqualTo(new StockFigures(null, 8, 0, 0, 0));
    }

    @Test
    void approvalIsRefusedWhenStockIsShortAndNothingIsHeld() {
        Order order = order(false, 11);
        long before = movements();
        assertThatThrownBy(() -> orderLifecycle.act(anna, order.id(), null, OrderAction.APPROVE, null))
                .isInstanceOfSatisfying(
                        ActionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo("stock.refused.out-of-stock"));
        assertThat(orders.get(order.id()).lifecycle().name()).isEqualTo("NEW");
        assertThat(movements()).isEqualTo(before);
        assertThat(inventory.total(shirt).reserved()).isZero();
    }

    @Test
    void receivingStockFillsWaitingBackordersOldestFirst() {
        long socks =
                fixtures.product("SOCKS", true, "SCK0GR3001").variants().get(0).id();
        Order first = orderIntake
                .place(anna, Fixtures.input("MANUAL", null, Fixtures.line("SCK0GR3001", 990, 4)), false)
                .order();
        Order second = orderIntake
                .place(anna, Fixtures.input("MANUAL", null, Fixtures.line("SCK0GR3001", 990, 4)), false)
                .order();
        orderLifecycle.act(anna, first.id(), null, OrderAction.APPROVE, null);
        orderLifecycle.act(anna, second.id(), null, OrderAction.APPROVE, null);
        assertThat(inventory.total(socks)).isEqualTo(new StockFigures(null, 0, 0, 8, 0));
        fixtures.receive("SCK0GR3001", 5);
        assertThat(inventory.holdingsOf(first.id()).get(0).reserved()).isEqualTo(4);
        assertThat(inventory.holdingsOf(second.id()).get(0).reserved()).isEqualTo(1);
        assertThat(inventory.total(socks)).isEqualTo(new StockFigures(null, 5, 5, 3, 0));
        assertThatThrownBy(() -> fixtures.ship(anna, second.id()))
                .isInstanceOfSatisfying(
                        ActionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo("stock.refused.not-in-stock"));
    }

    @Test
    void aDraftHoldsWhatIsThereForTwoWorkingDaysAcrossAWeekendAndAHoliday() {
        // Thursday 24 December 2026, 10:00; Friday 25 is a holiday in Germany, then a weekend.
        clock.set(Instant.parse("2026-12-24T10:00:00Z"));
        Order draft = order(true, 12);
        Holding hold = inventory.holdingsOf(draft.id()).get(0);
        assertThat(hold.reserved()).as("all there is, no more").isEqualTo(10);
        assertThat(hold.expiresAt()).isEqualTo(Instant.parse("2026-12-29T10:00:00Z"));

        clock.set(Instant.parse("2026-12-29T09:59:00Z"));
        assertThat(reservations.releaseExpired(Actor.system("job"), 100)).isZero();
        clock.set(Instant.parse("2026-12-29T10:00:00Z"));
        assertThat(reservations.releaseExpired(Actor.system("job"), 100)).isEqualTo(1);
        assertThat(inventory.total(shirt).reserved()).isZero();
        Outbox.awaitDelivered(jdbc);
        assertThat(orders.timeline(anna, draft.id()).get(0).action()).isEqualTo("order.hold-expired");
    }

    @Test
    void aFridayDraftHoldsUntilTuesday() {
        clock.set(Instant.parse("2027-01-08T15:00:00Z"));
        Order draft = order(true, 1);
        assertThat(inventory.holdingsOf(draft.id()).get(0).expiresAt())
                .isEqualTo(Instant.parse("2027-01-12T15:00:00Z"));
    }

    @Test
    void aDraftThatMovesOnKeepsItsStock() {
        clock.set(Instant.parse("2027-01-08T15:00:00Z"));
        Order draft = order(true, 2);
        orderLifecycle.act(anna, draft.id(), null, OrderAction.SUBMIT, null);
        assertThat(inventory.holdingsOf(draft.id()).get(0).expiresAt()).isNull();
        clock.set(Instant.parse("2027-02-01T15:00:00Z"));
        assertThat(reservations.releaseExpired(Actor.system("job"), 100)).isZero();
        assertThat(inventory.total(shirt).reserved()).isEqualTo(2);
    }

    @Test
    void twoInstancesReleasingAtOnceReleaseEachExpiredHoldOnce() throws Exception {
        fixtures.receive("WLY0QU1098", 90);
        clock.set(Instant.parse("2027-01-04T09:00:00Z"));
        for (int i = 0; i < 50; i++) {
            order(true, 1);
        }
        clock.set(Instant.parse("2027-01-20T09:00:00Z"));
        ExecutorService two = Executors.newFixedThreadPool(2);
        Callable<Integer> job = () -> {
            int released = 0;
            int batch;
            do {
                batch = reservations.releaseExpired(Actor.system("job"), 7);
                released += batch;
            } while (batch > 0);
            return released;
        };
        int total = two.submit(job).get() + two.submit(job).get();
        List<Integer> parallel = two.invokeAll(List.of(job, job)).stream()
                .map(f -> {
                    try {
                        return f.get();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
        two.shutdown();
        assertThat(total + parallel.get(0) + parallel.get(1)).isEqualTo(50);
        assertThat(inventory.total(shirt).reserved()).isZero();
        Outbox.awaitDelivered(jdbc);
        assertThat(jdbc.sql("SELECT count(*) FROM timeline_entries WHERE action = 'order.hold-expired'")
                        .query(Long.class)
                        .single())
                .isEqualTo(50);
    }

    @Test
    void badStockInputIsRefusedAndTheLedgerStaysAsItWas() {
        Actor jonas = fixtures.user("jonas", Role.WAREHOUSE);
        long before = movements();
        assertThatThrownBy(() -> inventory.receive(jonas, "WLY0QU1098", null, 0, null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> inventory.receive(jonas, "WLY0QU1098", null, -5, null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> inventory.receive(jonas, "NO-SUCH-CODE", null, 5, null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("sku"));
        assertThatThrownBy(() -> inventory.receive(jonas, "WLY0QU1098", "ATLANTIS", 5, null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("location"));
        assertThatThrownBy(() -> inventory.adjust(jonas, "WLY0QU1098", null, -11, "counted"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("stock.refused.below-reserved"));
        assertThatThrownBy(() -> inventory.adjust(jonas, "WLY0QU1098", null, -1, " "))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("reason"));
        assertThatThrownBy(() -> fixtures.product("DUP", false, "WLY0QU1098"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("validation.sku.taken"));
        assertThat(movements()).isEqualTo(before);
    }

    @Test
    void onlyTheWarehouseAndPurchasingBookGoodsIn() {
        Actor sven = fixtures.user("sven", Role.SALES);
        assertThatThrownBy(() -> inventory.receive(sven, "WLY0QU1098", null, 5, null))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void aVariantIsFoundByItsFullCodeOrItsNumberPart() {
        assertThat(catalog.variant("wly0qu1098")).map(Variant::sku).contains("WLY0QU1098");
        assertThat(catalog.variant("1098")).map(Variant::sku).contains("WLY0QU1098");
        assertThat(catalog.find("1099", null, false, 10))
                .extracting(VariantRow::sku)
                .containsExactly("WLY0QU1099");
    }

    @Test
    void changingAnOrderLinesQuantityMovesItsReservation() {
        Order order = order(false, 3);
        orderLifecycle.act(anna, order.id(), null, OrderAction.APPROVE, null);
        OrderInput fewer = Fixtures.input("MANUAL", null, Fixtures.line("WLY0QU1098", 4990, 1));
        Actor boss = fixtures.user("boss", Role.SUPERVISOR);
        orderEditing.edit(boss, order.id(), null, fewer);
        assertThat(inventory.total(shirt).reserved()).isEqualTo(1);
    }
}
