package dev.kontor.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.StaleVersionException;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** No lost update, no duplicate, no gap in the numbers: what concurrency must never break. */
@KontorTest
class OrderConcurrencyTest {

    @Autowired
    Orders orders;

    @Autowired
    OrderLifecycle orderLifecycle;

    @Autowired
    OrderIntake orderIntake;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Actor anna;
    Actor ben;

    @BeforeEach
    void setUp() {
        anna = fixtures.user("anna", Role.SALES);
        ben = fixtures.user("ben", Role.CUSTOMER_SERVICE);
    }

    @Test
    void twoPeopleChangingTheSameVersionAtOnceOneWinsTheOtherIsTold() throws Exception {
        Order order = fixtures.order(anna, false);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Object> approve = pool.submit(() -> attempt(
                start,
                () -> orderLifecycle
                        .act(anna, order.id(), order.version(), OrderAction.APPROVE, null)
                        .order()));
        Future<Object> hold = pool.submit(() -> attempt(
                start,
                () -> orderLifecycle
                        .act(ben, order.id(), order.version(), OrderAction.HOLD, "check stock")
                        .order()));
        start.countDown();
        List<Object> outcomes = List.of(approve.get(), hold.get());
        pool.shutdown();
        assertThat(outcomes).filteredOn(o -> o instanceof Order).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof StaleVersionException).hasSize(1);
        Order now = orders.get(order.id());
        assertThat(now.version()).isEqualTo(order.version() + 1);
        assertThat(orders.timeline(anna, order.id())).hasSize(2);
    }

    @Test
    void theLoserLearnsWhoChangedTheOrder() {
        Order order = fixtures.order(anna, false);
        orderLifecycle.act(ben, order.id(), order.version(), OrderAction.APPROVE, null);
        assertThatThrownBy(() -> orderLifecycle.act(anna, order.id(), order.version(), OrderAction.HOLD, "wait"))
                .isInstanceOfSatisfying(
                        StaleVersionException.class,
                        e -> assertThat(e.changedBy()).isEqualTo("Ben"));
    }

    @Test
    void tenConcurrentImportsOfOneMarketplaceOrderCreateOneOrder() throws Exception {
        List<Callable<PlacedOrder>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(() -> orderIntake.place(
                    anna, Fixtures.input("TAOBAO", "TB-REPEATED", Fixtures.line("A", 100, 1)), false));
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<PlacedOrder> placed = new ArrayList<>();
        for (Future<PlacedOrder> f : pool.invokeAll(calls)) {
            placed.add(f.get());
        }
        pool.shutdown();
        assertThat(placed).filteredOn(PlacedOrder::created).hasSize(1);
        assertThat(placed.stream().map(p -> p.order().id()).distinct()).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM orders").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void numbersStayGaplessWhenAnOrderFailsAndUniqueUnderLoad() throws Exception {
        orderIntake.place(anna, Fixtures.input("EBAY", null, Fixtures.line("A", 100, 1)), false);
        assertThatThrownBy(
                        () -> orderIntake.place(anna, Fixtures.input("EBAY", null, Fixtures.line("A", 100, 0)), false))
                .isInstanceOf(InvalidInputException.class);
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            calls.add(() -> orderIntake
                    .place(ben, Fixtures.input("EBAY", null, Fixtures.line("B", 100, 1)), false)
                    .order()
                    .number());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> numbers = new ArrayList<>();
        for (Future<String> f : pool.invokeAll(calls)) {
            numbers.add(f.get());
        }
        pool.shutdown();
        List<String> all = jdbc.sql("SELECT number FROM orders ORDER BY number")
                .query(String.class)
                .list();
        assertThat(all).hasSize(17).doesNotHaveDuplicates();
        assertThat(all.get(0)).isEqualTo("EB-000001");
        assertThat(all.get(16)).isEqualTo("EB-000017");
    }

    @Test
    void aFailedCommandWritesNothingAtAll() {
        Order order = fixtures.order(anna, false);
        long entries = orders.timeline(anna, order.id()).size();
        assertThatThrownBy(() -> orderLifecycle.act(anna, order.id(), null, OrderAction.COMPLETE, null));
        assertThat(orders.get(order.id()).version()).isEqualTo(order.version());
        assertThat(orders.timeline(anna, order.id())).hasSize((int) entries);
    }

    private static Object attempt(CountDownLatch start, Callable<Object> action) throws Exception {
        start.await();
        try {
            return action.call();
        } catch (StaleVersionException e) {
            return e;
        }
    }
}
