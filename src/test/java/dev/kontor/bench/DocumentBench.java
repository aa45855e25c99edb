package dev.kontor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.kontor.access.Actor;
import dev.kontor.access.User;
import dev.kontor.access.Users;
import dev.kontor.bulk.BulkJob;
import dev.kontor.bulk.BulkJobWorker;
import dev.kontor.bulk.BulkJobs;
import dev.kontor.documents.Documents;
import dev.kontor.orders.OrderIntake;
import dev.kontor.support.AnOrder;
import dev.kontor.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 17's bulk benchmark: N orders (default 10,000; three lines each, German and Chinese names) invoiced through
 * the bulk job ("Invoice (print)": number, content, PDF rendered and stored, timeline), then the first 1,000 of them
 * printed as one PDF. Reports documents per second and the heap's peak while the job ran. Not a test (surefire does
 * not pick up "*Bench"): run {@code bench/documents.sh [orders]}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"logging.level.dev.kontor=WARN", "kontor.bulk.threads=2"})
@ActiveProfiles("test")
class DocumentBench {

    @Autowired
    OrderIntake intake;

    @Autowired
    BulkJobs jobs;

    @Autowired
    BulkJobWorker worker;

    @Autowired
    Documents documents;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void invoiceAndPrintManyOrders() throws Exception {
        int orders = Integer.getInteger("bench.orders", 10_000);
        Actor lina = users.byUsername("bench-cs")
                .map(User::asActor)
                .orElseGet(() -> users.create(
                                Actor.system("bench"),
                                "bench-cs",
                                "Bench CS",
                                null,
                                "bench-password-1",
                                null,
                                List.of("CUSTOMER_SERVICE"))
                        .asActor());
        List<Long> warm = place(lina, 300);
        List<Long> ids = place(lina, orders);
        run(lina, warm); // the JIT has seen a few hundred invoices, as a running server has

        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        run(lina, ids);
        double seconds = (System.nanoTime() - started) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long stored = jdbc.sql("SELECT coalesce(sum(octet_length(pdf)), 0) FROM documents WHERE kind = 'INVOICE'")
                .query(Long.class)
                .single();
        long count = jdbc.sql("SELECT count(*) FROM documents WHERE kind = 'INVOICE'")
                .query(Long.class)
                .single();

        started = System.nanoTime();
        byte[] printed = documents.invoicesPdf(lina, ids.subList(0, Math.min(1000, ids.size())));
        double print = (System.nanoTime() - started) / 1e9;

        String report = String.format(
                """
                | what | figure |
                |---|---|
                | invoices issued through the bulk job (2 worker threads) | %,d in %.1f s = **%,.0f documents/s** |
                | heap: peak while the job ran (sum of the pools' peaks), limit | %,d MB of %,d MB |
                | PDFs stored | %,d documents, %.1f KB each on average |
                | first 1,000 printed as one PDF | %.2f s, %.1f MB |
                """,
                ids.size(),
                seconds,
                ids.size() / seconds,
                peak / (1024 * 1024),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                count,
                stored / 1024.0 / Math.max(count, 1),
                print,
                printed.length / 1e6);
        System.out.println(report);
        Path out = Path.of(
                "bench",
                "results",
                "documents-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private void run(Actor actor, List<Long> ids) throws InterruptedException {
        BulkJob job = jobs.start(actor, new BulkJobs.Request("order", "INVOICE", null, ids, null));
        while (!jobs.progress(job.id()).orElseThrow().finished()) {
            if (worker.run() == 0) {
                Thread.sleep(50);
            }
        }
    }

    private List<Long> place(Actor actor, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            done.add(pool.submit(() -> ids.add(intake.place(
                            actor,
                            AnOrder.from("MANUAL")
                                    .shippingAddress(Fixtures.address(
                                            k % 2 == 0 ? "Jana Schmidt" : "王芳", k % 2 == 0 ? "DE" : "CN"))
                                    .lines(
                                            Fixtures.line("SHIRT-" + (k % 50), 2990, 1 + k % 3),
                                            Fixtures.line("CAP-" + (k % 20), 1500, 1),
                                            Fixtures.line("TEA-" + (k % 10), 890, 2))
                                    .build(),
                            false)
                    .order()
                    .id())));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(ids);
        Collections.sort(sorted);
        return sorted;
    }
}
