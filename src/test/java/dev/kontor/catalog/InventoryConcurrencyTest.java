package dev.kontor.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.kontor.access.Actor;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Stock is never oversold: 16 threads, 10,000 orders of one unit, 100 units on hand. */
@KontorTest
class InventoryConcurrencyTest {

    private static final int ORDERS = 10_000;
    private static final int THREADS = 16;

    @Autowired
    Inventory inventory;

    @Autowired
    Reservations reservations;

    @Autowired
    Catalog catalog;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    private int[] race(String sku) throws Exception {
        Actor actor = Actor.system("load");
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean watching = new AtomicBoolean(true);
        AtomicInteger lowestAvailable = new AtomicInteger(Integer.MAX_VALUE);
        Thread watcher = new Thread(() -> {
            while (watching.get()) {
                int available = jdbc.sql("SELECT coalesce(min(on_hand - reserved), 0) FROM stock_levels")
                        .query(Integer.class)
                        .single();
                lowestAvailable.accumulateAndGet(available, Math::min);
            }
        });
        watcher.start();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            work.add(pool.submit(() -> {
                for (int i = thread; i < ORDERS; i += THREADS) {
                    try {
                        reservations.reserve(
                                actor,
                                new OrderRef(i + 1, "LOAD-" + i),
                                List.of(new Need(i + 1, sku, 1)),
                                Reservations.Mode.COMMIT,
                                null);
                        accepted.incrementAndGet();
                    } catch (ActionRefusedException e) {
                        refused.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        watching.set(false);
        watcher.join();
        return new int[] {accepted.get(), refused.get(), lowestAvailable.get()};
    }

    @Test
    void tenThousandOrdersFor100UnitsSellExactly100AndNeverGoBelowZero() throws Exception {
        Product product = fixtures.product("HOT", false, "HOT-1");
        fixtures.receive("HOT-1", 100);
        int[] result = race("HOT-1");
        assertThat(result[0]).as("accepted").isEqualTo(100);
        assertThat(result[1]).as("refused").isEqualTo(ORDERS - 100);
        assertThat(result[2]).as("lowest available ever seen").isGreaterThanOrEqualTo(0);
        StockFigures stock = inventory.total(product.variants().get(0).id());
        assertThat(stock.onHand()).isEqualTo(100);
        assertThat(stock.reserved()).isEqualTo(100);
        assertThat(stock.available()).isZero();
        assertThat(inventory.check()).isEmpty();
    }

    @Test
    void withBackordersAllowedEveryOrderIsAcceptedAndTheShortfallIsBackordered() throws Exception {
        Product product = fixtures.product("HOTB", true, "HOTB-1");
        fixtures.receive("HOTB-1", 100);
        int[] result = race("HOTB-1");
        assertThat(result[0]).as("accepted").isEqualTo(ORDERS);
        assertThat(result[2]).as("lowest available ever seen").isGreaterThanOrEqualTo(0);
        StockFigures stock = inventory.total(product.variants().get(0).id());
        assertThat(stock.reserved()).isEqualTo(100);
        assertThat(stock.backordered()).as("the shortfall").isEqualTo(9_900);
        assertThat(stock.demand()).as("ordered, not yet shipped").isEqualTo(ORDERS);
        assertThat(stock.available()).isZero();
        assertThat(inventory.check()).isEmpty();
    }
}
