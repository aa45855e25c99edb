package dev.kontor.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import dev.kontor.access.Actor;
import dev.kontor.access.User;
import dev.kontor.access.Users;
import dev.kontor.bulk.BulkJob;
import dev.kontor.bulk.BulkJobWorker;
import dev.kontor.bulk.BulkJobs;
import dev.kontor.catalog.Catalog;
import dev.kontor.catalog.Inventory;
import dev.kontor.catalog.ProductInput;
import dev.kontor.imports.GeneratedTaobao;
import dev.kontor.imports.ImportBatch;
import dev.kontor.imports.ImportChoice;
import dev.kontor.imports.ImportCommits;
import dev.kontor.imports.ImportStaging;
import dev.kontor.imports.Imports;
import dev.kontor.imports.Reconciliation;
import dev.kontor.imports.ReviewRuleStore;
import dev.kontor.imports.Upload;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 15's speed targets: a generated Taobao pair of N orders (default 100,000) with 3 items each, GBK, staged
 * (read, parsed, checked into the staging tables: lines/s over both files' rows) and committed (orders/s, each
 * placed with customer, lines, number, timeline, its Alipay payment, approved by the review rules with its stock
 * reserved; CPU per order in the JVM and in PostgreSQL), against PostgreSQL's own {@code COPY}
 * of the same rows into a plain table in the same run. Not a test (surefire does not pick up "*Bench"): run
 * {@code bench/imports.sh [orders]}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"logging.level.dev.kontor=WARN", "logging.level.dev.kontor.imports=INFO", "kontor.bulk.threads=2"
        })
@ActiveProfiles("test")
class ImportBench {

    private static final Charset GBK = Charset.forName("GBK");

    @Autowired
    ImportStaging staging;

    @Autowired
    ImportCommits commits;

    @Autowired
    Imports imports;

    @Autowired
    BulkJobs jobs;

    @Autowired
    BulkJobWorker worker;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Autowired
    ReviewRuleStore reviewRules;

    @Autowired
    DataSource dataSource;

    @Test
    void stageAndCommitATaobaoPair() throws Exception {
        int orders = Integer.getInteger("bench.orders", 100_000);
        int commitOrders = Integer.getInteger("bench.commit", Math.min(orders, 20_000));
        Path dir = Files.createTempDirectory("kontor-import-bench");
        Path ordersPath = dir.resolve("ExportOrderList-bench.csv");
        Path itemsPath = dir.resolve("ExportOrderDetailList-bench.csv");
        GeneratedTaobao.write(ordersPath, itemsPath, orders); // on disk: the upload streams, as a real one does
        long ordersBytes = Files.size(ordersPath);
        long itemsBytes = Files.size(itemsPath);
        long rows = orders + orders * 3L;
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

        stockTheItems(orders); // a real shop's import: known items, approved at commit, stock reserved
        double copy = copySeconds(ordersPath, itemsPath);
        warmUp(lina); // a running server is warm: the JIT has seen an import before

        long started = System.nanoTime();
        long id = staging.stage(
                lina,
                List.of(
                        new Upload("ExportOrderList-bench.csv", ordersBytes, () -> Files.newInputStream(ordersPath)),
                        new Upload(
                                "ExportOrderDetailList-bench.csv", itemsBytes, () -> Files.newInputStream(itemsPath))),
                ImportChoice.NONE);
        double stage = (System.nanoTime() - started) / 1e9;
        ImportBatch batch = imports.get(lina, id);

        // commit a slice (placing 100,000 orders one by one takes minutes at today's intake speed)
        jdbc.sql("UPDATE import_orders SET verdict = 'DUPLICATE' WHERE batch_id = :id AND id > "
                        + "(SELECT min(id) + :n - 1 FROM import_orders WHERE batch_id = :id)")
                .param("id", id)
                .param("n", commitOrders)
                .update();
        started = System.nanoTime();
        CpuClock cpuBefore = CpuClock.now();
        BulkJob job = commits.commit(lina, id, null);
        while (!jobs.progress(job.id()).orElseThrow().finished()) {
            if (worker.run() == 0) {
                Thread.sleep(50);
            }
        }
        double commit = (System.nanoTime() - started) / 1e9;
        CpuClock cpu = CpuClock.now().since(cpuBefore);
        Reconciliation r = imports.reconciliation(lina, id);

        String report = String.format(
                """
                | what | figure |
                |---|---|
                | orders / lines in the files | %,d / %,d (%,d rows, %.1f MB GBK), heap limit %,d MB |
                | staged (read, parsed, checked into staging) | %.2f s = **%,.0f rows/s** |
                | PostgreSQL COPY of the same rows into a plain table | %.2f s = %,.0f rows/s (staging at %.2f× COPY) |
                | verdicts | %s, problems: %,d |
                | committed (bulk job, worker threads as configured) | %,d orders in %.2f s = **%,.0f orders/s** |
                | CPU per committed order | %.2f ms in Kontor, %.2f ms in PostgreSQL |
                | reconciliation | imported %,d, rejected %,d; approved at commit %,d, units reserved %,d |
                """,
                orders,
                orders * 3L,
                rows,
                (ordersBytes + itemsBytes) / 1e6,
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                stage,
                rows / stage,
                copy,
                rows / copy,
                copy / stage,
                batch.verdicts(),
                batch.problems(),
                r.imported(),
                commit,
                r.imported() / commit,
                cpu.jvmMillis() / (double) r.imported(),
                cpu.postgresMillis() / (double) r.imported(),
                r.imported(),
                r.rejected(),
                jdbc.sql("SELECT count(*) FROM orders WHERE lifecycle = 'APPROVED'")
                        .query(Long.class)
                        .single(),
                jdbc.sql("SELECT coalesce(sum(reserved), 0) FROM reservations")
                        .query(Long.class)
                        .single());
        System.out.println(report);
        Path out = Path.of(
                "bench",
                "results",
                "imports-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /**
     * The generated files' three items (TEA-0, TEA-1, TEA-2) as catalog variants with a unit in stock for every
     * order, and review rules that approve a paid order whose items are all known: committing then places, pays,
     * approves and reserves stock for every order, as a real shop's morning import does. Three variants that every
     * order reserves are also the hottest rows an import can have.
     */
    private void stockTheItems(int orders) {
        Actor bench = Actor.system("bench");
        if (catalog.variant("TEA-0").isEmpty()) {
            List<ProductInput.VariantInput> variants = new ArrayList<>();
            for (String sku : List.of("TEA-0", "TEA-1", "TEA-2")) {
                variants.add(new ProductInput.VariantInput(
                        sku, Map.of("规格", "100g"), null, false, null, 1200L, "CNY", 5, Map.of("CNY", 2900L)));
            }
            catalog.create(bench, new ProductInput("TEA", "龙井茶", variants));
        }
        for (String sku : List.of("TEA-0", "TEA-1", "TEA-2")) {
            inventory.receive(bench, sku, null, orders + 20_000, "bench delivery");
        }
        Actor admin = users.byUsername("bench-admin")
                .map(User::asActor)
                .orElseGet(() -> users.create(
                                bench, "bench-admin", "Bench Admin", null, "bench-password-1", null, List.of("ADMIN"))
                        .asActor());
        reviewRules.save(admin, true, false, Map.of());
    }

    private void warmUp(Actor lina) {
        for (int round = 0; round < 2; round++) {
            byte[] o = GeneratedTaobao.orders(5_000).getBytes(GBK);
            byte[] i = GeneratedTaobao.items(5_000).getBytes(GBK);
            long id = staging.stage(
                    lina,
                    List.of(
                            new Upload("warm-orders.csv", o.length, () -> new ByteArrayInputStream(o)),
                            new Upload("warm-items.csv", i.length, () -> new ByteArrayInputStream(i))),
                    ImportChoice.NONE);
            jdbc.sql("DELETE FROM import_batches WHERE id = :id")
                    .param("id", id)
                    .update();
        }
    }

    /** PostgreSQL's own pace: the same two files' rows COPYed as CSV into a plain table of text columns. */
    private double copySeconds(Path ordersCsv, Path itemsCsv) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            var statement = connection.createStatement();
            statement.execute("DROP TABLE IF EXISTS bench_copy_orders, bench_copy_items");
            statement.execute("CREATE TABLE bench_copy_orders (" + columns(27) + ")");
            statement.execute("CREATE TABLE bench_copy_items (" + columns(10) + ")");
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long started = System.nanoTime();
            copy.copyIn(
                    "COPY bench_copy_orders FROM STDIN (FORMAT csv, HEADER true)",
                    Files.newBufferedReader(ordersCsv, GBK));
            copy.copyIn(
                    "COPY bench_copy_items FROM STDIN (FORMAT csv, HEADER true)",
                    Files.newBufferedReader(itemsCsv, GBK));
            double seconds = (System.nanoTime() - started) / 1e9;
            statement.execute("DROP TABLE bench_copy_orders, bench_copy_items");
            return seconds;
        }
    }

    private static String columns(int n) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? "" : ", ").append("c").append(i).append(" text");
        }
        return sql.toString();
    }
}
