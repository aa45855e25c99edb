package dev.kontor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import dev.kontor.access.Actor;
import dev.kontor.catalog.Catalog;
import dev.kontor.catalog.Inventory;
import dev.kontor.catalog.Need;
import dev.kontor.catalog.OrderRef;
import dev.kontor.catalog.ProductInput;
import dev.kontor.catalog.Reservations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reservations per second: 16 threads committing one unit each for new orders, against one hot variant and
 * spread over 1,000 variants. Not a test (surefire does not pick up "*Bench"): run it with
 * {@code bench/reservations.sh}. The database is a durable embedded PostgreSQL (fsync on) in a temporary
 * folder, as in production, not the tests' fsync-off one.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {
            "kontor.embedded-db.ephemeral=false",
            "kontor.embedded-db.data-dir=${java.io.tmpdir}/kontor-reservation-bench/postgres",
            "kontor.embedded-db.port=0",
            "logging.level.dev.kontor=WARN"
        })
@ActiveProfiles("test")
class ReservationBench {

    private static final int THREADS = 16;
    private static final int VARIANTS = 1_000;

    @Autowired
    Inventory inventory;

    @Autowired
    Reservations reservations;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    private final AtomicLong orderIds = new AtomicLong(1_000_000);

    record Result(String scenario, long operations, double seconds, double p50, double p99, long refused) {
        double perSecond() {
            return operations / seconds;
        }
    }

    @Test
    void reservationsPerSecond() throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 15);
        Actor actor = Actor.system("bench");
        List<ProductInput.VariantInput> variants = new ArrayList<>();
        for (int i = 0; i < VARIANTS; i++) {
            variants.add(new ProductInput.VariantInput(
                    String.format("BNC%05d", i),
                    Map.of("n", Integer.toString(i)),
                    null,
                    false,
                    null,
                    null,
                    null,
                    0,
                    Map.of("EUR", 1000L)));
        }
        if (catalog.variant("BNC00000").isEmpty()) {
            catalog.create(actor, new ProductInput("BENCH", "Bench product", variants));
        }
        for (int i = 0; i < VARIANTS; i++) {
            inventory.receive(actor, String.format("BNC%05d", i), null, 1_000_000, "bench stock");
        }
        List<Result> results = new ArrayList<>();
        run("warm-up", actor, 3, () -> "BNC00000");
        results.add(run("one hot variant", actor, seconds, () -> "BNC00000"));
        results.add(run(
                "1,000 variants",
                actor,
                seconds,
                () -> String.format("BNC%05d", ThreadLocalRandom.current().nextInt(VARIANTS))));
        assertThat(inventory.check()).as("no drift after the run").isEmpty();

        StringBuilder report = new StringBuilder("| scenario | threads | reservations/s | p50 ms | p99 ms | refused |\n"
                + "|---|---|---|---|---|---|\n");
        for (Result r : results) {
            report.append(String.format(
                    "| %s | %d | %.0f | %.2f | %.2f | %d |%n",
                    r.scenario(), THREADS, r.perSecond(), r.p50(), r.p99(), r.refused()));
        }
        System.out.println("\n" + report);
        write(report.toString());
    }

    private Result run(String scenario, Actor actor, int seconds, Supplier<String> sku) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong refused = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<long[]>> work = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            work.add(pool.submit(() -> {
                long[] latencies = new long[1 << 20];
                int n = 0;
                while (System.nanoTime() < end && n < latencies.length) {
                    long id = orderIds.incrementAndGet();
                    long t0 = System.nanoTime();
                    try {
                        reservations.reserve(
                                actor,
                                new OrderRef(id, "B-" + id),
                                List.of(new Need(id, sku.get(), 1)),
                                Reservations.Mode.COMMIT,
                                null);
                    } catch (RuntimeException e) {
                        refused.incrementAndGet();
                    }
                    latencies[n++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : work) {
            all.add(f.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(
                scenario,
                merged.length,
                elapsed,
                merged[merged.length / 2] / 1e6,
                merged[(int) (merged.length * 0.99)] / 1e6,
                refused.get());
    }

    private static void write(String report) throws IOException {
        Path dir = Path.of("bench", "results");
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve("reservations-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                        + ".md"),
                report);
    }
}
