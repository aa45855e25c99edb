package dev.kontor.imports;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.support.Api;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A big file's progress while it is read — rows, pace, time left, on any instance because it is in the database —
 * and the Cancel that stops it with nothing kept. The file is held half-read (a gate in its stream) so that the
 * test sees the middle of the reading every time.
 */
@KontorTest
public class ImportUploadsTest {

    @LocalServerPort
    int port;

    @Autowired
    ImportStaging staging;

    @Autowired
    ImportUploads uploads;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Actor lina;
    ExecutorService background = Executors.newSingleThreadExecutor();

    @BeforeEach
    void setUp() {
        lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
    }

    @AfterEach
    void tearDown() {
        background.shutdownNow();
    }

    /** Kontor's own export layout, {@code orders} orders of two items each. */
    public static byte[] exportFile(int orders) {
        StringBuilder csv = new StringBuilder(
                "number,placed_at,channel,external_id,customer,email,phone,ship_to,ship_phone,company,street,street2,"
                        + "postal_code,city,region,country,shipping,discount,tax,total,paid,currency,lifecycle,"
                        + "payment,fulfilment,payment_method,approved_at,tags,blacklisted,sku,item,attributes,quantity,unit_price,"
                        + "line_discount,tax_rate\n");
        for (int i = 1; i <= orders; i++) {
            for (int line = 1; line <= 2; line++) {
                csv.append("SO-")
                        .append(i)
                        .append(",2026-12-01T10:00:00Z,MANUAL,,Jana Schmidt,jana@example.de,,Jana Schmidt,,,")
                        .append("Hauptstraße 12,,50667,Köln,,DE,4.90,0.00,0.00,28.90,0.00,EUR,NEW,UNPAID,")
                        .append("UNFULFILLED,ALIPAY,,,false,TEA-")
                        .append(line)
                        .append(",Tea,,1,12.00,0.00,19\n");
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Serves the first {@code open} bytes, then waits for the gate. */
    static final class Gated extends FilterInputStream {
        private final CountDownLatch gate;
        private long left;

        Gated(byte[] bytes, long open, CountDownLatch gate) {
            super(new ByteArrayInputStream(bytes));
            this.left = open;
            this.gate = gate;
        }

        @Override
        public int read() throws IOException {
            waitIfShut();
            left--;
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            waitIfShut();
            int n = super.read(b, off, (int) Math.min(len, left > 0 ? left : len));
            left -= Math.max(n, 0);
            return n;
        }

        private void waitIfShut() throws IOException {
            if (left <= 0) {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
        }
    }

    private UploadProgress awaitRows(Actor actor, UUID id) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        UploadProgress p = uploads.progress(actor, id);
        while (p.rows() == 0 && System.nanoTime() < until) {
            Thread.sleep(20);
            p = uploads.progress(actor, id);
        }
        return p;
    }

    @Test
    void aBigFileShowsHowFarItIsAndACancelKeepsNothing() throws Exception {
        byte[] file = exportFile(10_000);
        CountDownLatch gate = new CountDownLatch(1);
        UUID id = UUID.randomUUID();
        int batchesBefore = jdbc.sql("SELECT count(*) FROM import_batches")
                .query(Integer.class)
                .single();
        Upload upload = new Upload("big.csv", file.length, () -> new Gated(file, file.length / 2, gate));
        Future<Long> reading = background.submit(() -> staging.stage(lina, List.of(upload), ImportChoice.NONE, id));

        UploadProgress half = awaitRows(lina, id);
        assertThat(half.phase()).isEqualTo("READING");
        assertThat(half.rows()).isBetween(500L, 20_000L); // the first thousand staged rows
        assertThat(half.bytesTotal()).isEqualTo(file.length);
        assertThat(half.bytesRead()).isPositive().isLessThanOrEqualTo(file.length / 2 + 1);
        assertThat(half.permille()).isBetween(1, 500);
        assertThat(half.rowsPerSecond()).isPositive();
        assertThat(half.secondsLeft()).isNotNull();
        assertThat(uploads.progress(fixtures.user("wang.lei", Role.CUSTOMER_SERVICE), id)
                        .phase())
                .as("someone else's upload is not theirs to see")
                .isEqualTo("UPLOADING");

        Api api = new Api(port).bearer(fixtures.token(lina));
        Api.Response json = api.get("/api/imports/uploads/" + id);
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().get("phase").asString()).isEqualTo("READING");
        assertThat(json.json().get("rows").asLong()).isPositive();
        Api.Response cancelled = api.post("/api/imports/uploads/" + id + "/cancel", "");
        assertThat(cancelled.status()).isEqualTo(202);
        assertThat(cancelled.json().get("cancelled").asBoolean()).isTrue();
        gate.countDown();

        assertThatThrownBy(() -> reading.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(ActionRefusedException.class)
                .hasMessageContaining("import.upload.cancelled");
        assertThat(jdbc.sql("SELECT count(*) FROM import_batches")
                        .query(Integer.class)
                        .single())
                .isEqualTo(batchesBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM import_uploads WHERE id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void anUploadThatIsNotCancelledEndsAsABatchAndLeavesNoProgressBehind() {
        byte[] file = exportFile(50);
        UUID id = UUID.randomUUID();
        long batch = staging.stage(
                lina,
                List.of(new Upload("small.csv", file.length, () -> new ByteArrayInputStream(file))),
                ImportChoice.NONE,
                id);
        assertThat(batch).isPositive();
        assertThat(uploads.progress(lina, id).phase()).isEqualTo("UPLOADING");
        assertThat(jdbc.sql("SELECT count(*) FROM import_uploads")
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
