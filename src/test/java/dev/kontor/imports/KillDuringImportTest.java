package dev.kontor.imports;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import dev.kontor.KontorApplication;
import dev.kontor.access.Actor;
import dev.kontor.access.Users;
import dev.kontor.bulk.BulkJob;
import dev.kontor.bulk.BulkJobWorker;
import dev.kontor.bulk.BulkJobs;
import dev.kontor.catalog.Inventory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Kontor process is killed ({@code kill -9}) in the middle of committing an import; another instance takes the
 * dead one's claims over once their lease ran out and finishes the import: every order of the file exactly once, each
 * with exactly one payment, nothing half-written.
 */
class KillDuringImportTest {

    private static final int ORDERS = 1_500;

    @TempDir
    Path folder;

    @Test
    void aKilledInstancesWorkIsFinishedByAnotherNothingTwiceNothingLost() throws Exception {
        try (ConfigurableApplicationContext survivor = new SpringApplicationBuilder(KontorApplication.class)
                .run(
                        "--server.port=0",
                        "--kontor.embedded-db.port=0",
                        "--kontor.embedded-db.data-dir=" + folder.resolve("postgres"),
                        "--kontor.demo.enabled=false",
                        "--kontor.admin.password=first-admin-password",
                        "--kontor.bulk.poll-interval=PT1H", // this one works only when the test says so
                        "--kontor.bulk.lease=PT3S",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN")) {
            JdbcClient jdbc = survivor.getBean(JdbcClient.class);
            Actor lina = survivor.getBean(Users.class)
                    .create(
                            Actor.system("test"),
                            "li.na",
                            "Li Na",
                            null,
                            "li-na-password-1",
                            null,
                            List.of("CUSTOMER_SERVICE"))
                    .asActor();
            byte[] orders = GeneratedTaobao.orders(ORDERS).getBytes(Charset.forName("GBK"));
            byte[] items = GeneratedTaobao.items(ORDERS).getBytes(Charset.forName("GBK"));
            long batch = survivor.getBean(ImportStaging.class)
                    .stage(
                            lina,
                            List.of(
                                    new Upload(
                                            "ExportOrderList.csv",
                                            orders.length,
                                            () -> new ByteArrayInputStream(orders)),
                                    new Upload(
                                            "ExportOrderDetailList.csv",
                                            items.length,
                                            () -> new ByteArrayInputStream(items))),
                            ImportChoice.NONE);
            BulkJob job = survivor.getBean(ImportCommits.class).commit(lina, batch, null);

            String url;
            String user;
            try (var connection = survivor.getBean(DataSource.class).getConnection()) {
                url = connection.getMetaData().getURL();
                user = connection.getMetaData().getUserName();
            }
            Process victim = startVictim(url, user);
            try {
                long started = System.nanoTime();
                while (imported(jdbc, batch) < 200) {
                    assertThat(victim.isAlive()).as("the second instance runs").isTrue();
                    assertThat(System.nanoTime() - started)
                            .as("the second instance commits within 90 s")
                            .isLessThan(90_000_000_000L);
                    Thread.sleep(50);
                }
            } finally {
                victim.destroyForcibly(); // SIGKILL: no shutdown hook, no finishing the batch in hand
                victim.waitFor();
            }
            int atKill = imported(jdbc, batch);
            assertThat(atKill).as("killed in the middle").isLessThan(ORDERS);

            Thread.sleep(Duration.ofSeconds(4).toMillis()); // the dead instance's leases run out
            BulkJobs jobs = survivor.getBean(BulkJobs.class);
            BulkJobWorker worker = survivor.getBean(BulkJobWorker.class);
            while (!jobs.progress(job.id()).orElseThrow().finished()) {
                if (worker.run() == 0) {
                    Thread.sleep(500);
                }
            }

            assertThat(imported(jdbc, batch)).isEqualTo(ORDERS);
            assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE channel = 'TAOBAO'")
                            .query(Integer.class)
                            .single())
                    .as("every order once")
                    .isEqualTo(ORDERS);
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM orders o
                            WHERE (SELECT count(*) FROM payments p WHERE p.order_id = o.id) <> 1""").query(Integer.class).single())
                    .as("orders without exactly one payment")
                    .isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM order_lines")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(ORDERS * 3);
            Reconciliation r = survivor.getBean(Imports.class).reconciliation(lina, batch);
            assertThat(r.imported()).isEqualTo(ORDERS);
            assertThat(r.balances()).isTrue();
            assertThat(survivor.getBean(Inventory.class).check()).isEmpty();
        }
    }

    private static int imported(JdbcClient jdbc, long batch) {
        return jdbc.sql("SELECT count(*) FROM import_orders WHERE batch_id = :b AND outcome = 'IMPORTED'")
                .param("b", batch)
                .query(Integer.class)
                .single();
    }

    /** A second Kontor in its own JVM on the same database, working off bulk jobs at once. */
    private Process startVictim(String url, String user) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(KontorApplication.class.getName());
        command.add("--server.port=0");
        command.add("--spring.datasource.url=" + url);
        command.add("--spring.datasource.username=" + user);
        command.add("--kontor.demo.enabled=false");
        command.add("--kontor.bulk.poll-interval=PT0.2S");
        command.add("--kontor.bulk.threads=1");
        command.add("--kontor.bulk.lease=PT3S");
        command.add("--spring.main.banner-mode=off");
        command.add("--logging.level.root=WARN");
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("victim.log").toFile())
                .start();
    }
}
