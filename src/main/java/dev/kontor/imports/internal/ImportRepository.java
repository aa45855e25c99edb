package dev.kontor.imports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

import dev.kontor.imports.ImportBatch;
import dev.kontor.imports.ImportFile;
import dev.kontor.imports.ImportOutcome;
import dev.kontor.imports.ImportRow;
import dev.kontor.imports.ImportVerdict;
import dev.kontor.imports.read.ImportFormat;
import dev.kontor.imports.read.StagedLine;
import dev.kontor.imports.read.StagedOrder;
import dev.kontor.shared.Address;
import dev.kontor.shared.Message;
import dev.kontor.shared.MessageJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Import batches, their files, staged orders and lines, and the problems found in them. */
@Repository
public class ImportRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final DataSource dataSource;

    ImportRepository(JdbcClient jdbc, JdbcTemplate batch, DataSource dataSource) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.dataSource = dataSource;
    }

    /** A staged order to write. */
    public record NewOrder(String fileName, StagedOrder order, ImportVerdict verdict) {}

    /** A staged line to write. */
    public record NewLine(String fileName, StagedLine line) {}

    /** What the checks made of a staged order. */
    public record Checked(
            long id, ImportVerdict verdict, int lineCount, Long total, Long orderId, String orderNumber) {}

    /** A staged line with its file. */
    public record LineRow(String fileName, StagedLine line) {}

    /** A staged order ready to commit, with its batch. */
    public record Committable(long batchId, String batchName, String channel, ImportRow row) {}

    /**
     * The batch's name: the day and the next running number of that day ({@code 2026-12-04-2}), unless the user
     * named it. Serialised per day, so two uploads at once get different numbers.
     */
    public String nextName(LocalDate day) {
        String prefix = day + "-";
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "import-name:" + day)
                .query((rs, n) -> 1)
                .single();
        int taken = jdbc.sql("SELECT count(*) FROM import_batches WHERE name LIKE :prefix")
                .param("prefix", prefix + "%")
                .query(Integer.class)
                .single();
        return prefix + (taken + 1);
    }

    public boolean nameTaken(String name) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM import_batches WHERE name = :name)")
                .param("name", name)
                .query(Boolean.class)
                .single();
    }

    public long insertBatch(String name, String channel, long byId, String byName, Instant now) {
        return jdbc.sql("""
                        INSERT INTO import_batches (name, channel, created_by_id, created_by_name, created_at)
                        VALUES (:name, :channel, :by, :byName, :now) RETURNING id""")
                .param("name", name)
                .param("channel", channel)
                .param("by", byId)
                .param("byName", byName)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    public void insertFile(long batchId, int position, ImportFile file) {
        jdbc.sql("""
                        INSERT INTO import_files (batch_id, position, name, format, encoding, rows_read, bytes, sha256,
                            mapping_id)
                        VALUES (:batch, :position, :name, :format, :encoding, :rows, :bytes, :sha, :mapping)""")
                .param("mapping", file.mappingId())
                .param("batch", batchId)
                .param("position", position)
                .param("name", file.name())
                .param("format", file.format().name())
                .param("encoding", file.encoding())
                .param("rows", file.rows())
                .param("bytes", file.bytes())
                .param("sha", file.sha256())
                .update();
        jdbc.sql("UPDATE import_batches SET rows_read = rows_read + :rows WHERE id = :batch")
                .param("rows", file.rows())
                .param("batch", batchId)
                .update();
    }

    public void insertOrders(long batchId, List<NewOrder> orders) {
        CopyRows.copy(
                dataSource,
                "import_orders",
                "batch_id, external_id, file_name, line_no, currency, total, data, verdict",
                orders.stream()
                        .map(o -> new Object[] {
                            batchId,
                            o.order().externalId(),
                            o.fileName(),
                            o.order().line(),
                            o.order().currency(),
                            o.order().total(),
                            JSON.writeValueAsString(o.order()),
                            o.verdict().name()
                        })
                        .toList());
    }

    public void insertLines(long batchId, List<NewLine> lines) {
        CopyRows.copy(
                dataSource,
                "import_lines",
                "batch_id, external_id, file_name, line_no, data",
                lines.stream()
                        .map(l -> new Object[] {
                            batchId,
                            l.line().externalId(),
                            l.fileName(),
                            l.line().line(),
                            JSON.writeValueAsString(l.line())
                        })
                        .toList());
    }

    /** Staged orders of a batch after an id, for checking them a chunk at a time. */
    public List<ImportRow> ordersAfter(long batchId, long afterId, int limit) {
        return jdbc.sql("SELECT * FROM import_orders WHERE batch_id = :batch AND id > :after ORDER BY id LIMIT :limit")
                .param("batch", batchId)
                .param("after", afterId)
                .param("limit", limit)
                .query(ImportRepository::row)
                .list();
    }

    /** The staged lines of these orders, in file order. */
    public List<LineRow> linesOf(long batchId, Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT file_name, data FROM import_lines
                        WHERE batch_id = :batch AND external_id = ANY(:ids) ORDER BY id""")
                .param("batch", batchId)
                .param("ids", externalIds.toArray(String[]::new))
                .query((rs, n) ->
                        new LineRow(rs.getString("file_name"), JSON.readValue(rs.getString("data"), StagedLine.class)))
                .list();
    }

    public void updateChecked(List<Checked> checked) {
        batch.batchUpdate("""
                UPDATE import_orders SET verdict = ?, line_count = ?, total = coalesce(total, ?), order_id = ?,
                    order_number = ?
                WHERE id = ?""", checked, 500, (ps, c) -> {
            ps.setString(1, c.verdict().name());
            ps.setInt(2, c.lineCount());
            ps.setObject(3, c.total());
            ps.setObject(4, c.orderId());
            ps.setString(5, c.orderNumber());
            ps.setLong(6, c.id());
        });
    }

    public Optional<ImportBatch> find(long id) {
        return jdbc.sql("SELECT * FROM import_batches WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> batch(rs))
                .optional();
    }

    public Optional<Long> findIdByName(String name) {
        return jdbc.sql("SELECT id FROM import_batches WHERE name = :name")
                .param("name", name)
                .query(Long.class)
                .optional();
    }

    public List<ImportBatch> latest(int limit) {
        return jdbc.sql("SELECT * FROM import_batches ORDER BY id DESC LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) -> batch(rs))
                .list();
    }

    private ImportBatch batch(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        Map<ImportVerdict, Integer> verdicts = new EnumMap<>(ImportVerdict.class);
        int[] inKontor = {0};
        int[] done = {0};
        jdbc.sql("""
                        SELECT verdict, count(*) AS n, count(order_number) FILTER (WHERE outcome IS NULL) AS known,
                               count(*) FILTER (WHERE outcome IN ('IMPORTED', 'UPDATED')) AS done
                        FROM import_orders WHERE batch_id = :id GROUP BY verdict""")
                .param("id", id)
                .query((r, n) -> {
                    verdicts.put(ImportVerdict.valueOf(r.getString("verdict")), r.getInt("n"));
                    inKontor[0] += r.getInt("known");
                    done[0] += r.getInt("done");
                    return null;
                })
                .list();
        int problems = jdbc.sql("SELECT count(*) FROM import_problems WHERE batch_id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
        Timestamp committedAt = rs.getTimestamp("committed_at");
        long job = rs.getLong("job_id");
        Long jobId = rs.wasNull() ? null : job;
        return new ImportBatch(
                id,
                rs.getString("name"),
                rs.getString("channel"),
                rs.getString("created_by_name"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getInt("rows_read"),
                files(id),
                verdicts,
                problems,
                inKontor[0],
                done[0],
                jobId,
                rs.getString("committed_by_name"),
                committedAt == null ? null : committedAt.toInstant());
    }

    public List<ImportFile> files(long batchId) {
        return jdbc.sql("SELECT * FROM import_files WHERE batch_id = :id ORDER BY position")
                .param("id", batchId)
                .query((rs, n) -> new ImportFile(
                        rs.getString("name"),
                        ImportFormat.valueOf(rs.getString("format")),
                        rs.getString("encoding"),
                        rs.getInt("rows_read"),
                        rs.getLong("bytes"),
                        rs.getString("sha256"),
                        rs.getObject("mapping_id", Long.class)))
                .list();
    }

    /** Staged orders of a batch, of one verdict if asked, a page after an id. */
    public List<ImportRow> rows(long batchId, ImportVerdict verdict, long afterId, int limit) {
        return jdbc.sql("""
                        SELECT * FROM import_orders
                        WHERE batch_id = :batch AND id > :after AND (CAST(:verdict AS TEXT) IS NULL OR verdict = :verdict)
                        ORDER BY id LIMIT :limit""")
                .param("batch", batchId)
                .param("after", afterId)
                .param("verdict", verdict == null ? null : verdict.name())
                .param("limit", limit)
                .query(ImportRepository::row)
                .list();
    }

    /** The staged orders a commit imports: ready or with warnings, not yet committed. */
    public List<Long> importable(long batchId) {
        return jdbc.sql("""
                        SELECT id FROM import_orders
                        WHERE batch_id = :batch AND verdict IN ('READY', 'WARNING') AND outcome IS NULL ORDER BY id""").param("batch", batchId).query(Long.class).list();
    }

    /** Of these staged orders, those not committed yet, in the order given. */
    public List<Long> uncommitted(List<Long> ids) {
        List<Long> open = jdbc.sql("""
                        SELECT id FROM import_orders
                        WHERE id = ANY(:ids) AND verdict IN ('READY', 'WARNING') AND outcome IS NULL""")
                .param("ids", ids.toArray(Long[]::new))
                .query(Long.class)
                .list();
        return ids.stream().filter(open::contains).toList();
    }

    /** A staged order of a batch. */
    public Optional<ImportRow> row(long batchId, long rowId) {
        return jdbc.sql("SELECT * FROM import_orders WHERE batch_id = :batch AND id = :id")
                .param("batch", batchId)
                .param("id", rowId)
                .query(ImportRepository::row)
                .optional();
    }

    /** Stores what a person corrected in a staged order, and who. */
    public void correct(long rowId, StagedOrder order, String byName, Instant now) {
        jdbc.sql("""
                        UPDATE import_orders SET data = CAST(:data AS JSONB), total = :total, edited_by_name = :by,
                            edited_at = :now
                        WHERE id = :id""")
                .param("data", JSON.writeValueAsString(order))
                .param("total", order.total())
                .param("by", byName)
                .param("now", Timestamp.from(now))
                .param("id", rowId)
                .update();
    }

    /** Sets the batch's staged orders back to unchecked (a duplicate row stays one), for checking them again. */
    public void resetChecks(long batchId) {
        jdbc.sql("""
                        UPDATE import_orders SET verdict = 'READY', line_count = 0, order_number = NULL
                        WHERE batch_id = :batch AND verdict <> 'DUPLICATE'""").param("batch", batchId).update();
    }

    /** Locks the batch against a commit while it is checked again; empty when there is none. */
    public Optional<Long> lockBatch(long batchId) {
        return jdbc.sql("SELECT job_id FROM import_batches WHERE id = :id FOR UPDATE")
                .param("id", batchId)
                .query((rs, n) -> rs.getObject(1, Long.class) == null ? 0L : rs.getLong(1))
                .optional();
    }

    /**
     * Marks the batch committed by this job, unless it is already: whoever marks it first commits it (two clicks,
     * two instances), the other is told.
     */
    public boolean claimCommit(long batchId, long jobId, String byName, Instant now) {
        return jdbc.sql("""
                        UPDATE import_batches SET job_id = :job, committed_by_name = :by, committed_at = :now
                        WHERE id = :batch AND job_id IS NULL""")
                        .param("job", jobId)
                        .param("by", byName)
                        .param("now", Timestamp.from(now))
                        .param("batch", batchId)
                        .update()
                == 1;
    }

    /** A staged order with its batch, locked for committing it. */
    public Optional<Committable> lockForCommit(long id) {
        return jdbc.sql("""
                        SELECT o.*, b.name AS batch_name, b.channel AS batch_channel FROM import_orders o
                        JOIN import_batches b ON b.id = o.batch_id WHERE o.id = :id FOR UPDATE OF o""")
                .param("id", id)
                .query((rs, n) -> new Committable(
                        rs.getLong("batch_id"), rs.getString("batch_name"), rs.getString("batch_channel"), row(rs, n)))
                .optional();
    }

    /** The shipping address an earlier import gave the order (what the marketplace said last), if one did. */
    public Optional<Address> lastImportedAddress(long orderId) {
        return jdbc.sql("""
                        SELECT data->'shippingAddress' FROM import_orders
                        WHERE order_id = :order AND outcome IN ('IMPORTED', 'UPDATED')
                          AND data->'shippingAddress' IS NOT NULL AND jsonb_typeof(data->'shippingAddress') = 'object'
                        ORDER BY id DESC LIMIT 1""")
                .param("order", orderId)
                .query((rs, n) -> JSON.readValue(rs.getString(1), Address.class))
                .optional();
    }

    /** Staged orders with their batch, locked for committing them, in id order; those committed already left out. */
    public List<Committable> lockForCommit(Collection<Long> ids) {
        return jdbc.sql("""
                        SELECT o.*, b.name AS batch_name, b.channel AS batch_channel FROM import_orders o
                        JOIN import_batches b ON b.id = o.batch_id
                        WHERE o.id = ANY(:ids) AND o.outcome IS NULL AND o.verdict IN ('READY', 'WARNING')
                        ORDER BY o.id FOR UPDATE OF o""")
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> new Committable(
                        rs.getLong("batch_id"), rs.getString("batch_name"), rs.getString("batch_channel"), row(rs, n)))
                .list();
    }

    public void markOutcome(long id, ImportOutcome outcome, long orderId, String number, Message message) {
        jdbc.sql("""
                        UPDATE import_orders SET outcome = :outcome, order_id = :order, order_number = :number,
                            outcome_message = CAST(:message AS JSONB)
                        WHERE id = :id""")
                .param("outcome", outcome.name())
                .param("message", MessageJson.write(message))
                .param("order", orderId)
                .param("number", number)
                .param("id", id)
                .update();
    }

    /** What became of one staged order, for {@link #markOutcomes}. */
    public record Outcome(long id, ImportOutcome outcome, long orderId, String number, Message message) {}

    /** {@link #markOutcome} for many staged orders, in one statement. */
    public void markOutcomes(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE import_orders i SET outcome = o.outcome, order_id = o.order_id, order_number = o.number,
                            outcome_message = CAST(o.message AS JSONB)
                        FROM unnest(CAST(:ids AS BIGINT[]), CAST(:outcomes AS TEXT[]), CAST(:orders AS BIGINT[]),
                                    CAST(:numbers AS TEXT[]), CAST(:messages AS TEXT[]))
                            AS o (id, outcome, order_id, number, message)
                        WHERE i.id = o.id""")
                .param("ids", outcomes.stream().map(Outcome::id).toArray(Long[]::new))
                .param(
                        "outcomes",
                        outcomes.stream().map(o -> o.outcome().name()).toArray(String[]::new))
                .param("orders", outcomes.stream().map(Outcome::orderId).toArray(Long[]::new))
                .param("numbers", outcomes.stream().map(Outcome::number).toArray(String[]::new))
                .param(
                        "messages",
                        outcomes.stream()
                                .map(o -> MessageJson.write(o.message()))
                                .toArray(String[]::new))
                .update();
    }

    /** External ids of these staged orders, for the bulk job's page. */
    public Map<Long, String> labels(Collection<Long> ids) {
        Map<Long, String> labels = new HashMap<>();
        jdbc.sql("SELECT id, external_id FROM import_orders WHERE id = ANY(:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> labels.put(rs.getLong(1), rs.getString(2)))
                .list();
        return labels;
    }

    public Optional<Long> batchOf(long importOrderId) {
        return jdbc.sql("SELECT batch_id FROM import_orders WHERE id = :id")
                .param("id", importOrderId)
                .query(Long.class)
                .optional();
    }

    private static ImportRow row(ResultSet rs, int n) throws SQLException {
        long orderId = rs.getLong("order_id");
        Long order = rs.wasNull() ? null : orderId;
        String outcome = rs.getString("outcome");
        return new ImportRow(
                rs.getLong("id"),
                rs.getString("file_name"),
                rs.getLong("line_no"),
                JSON.readValue(rs.getString("data"), StagedOrder.class),
                rs.getInt("line_count"),
                ImportVerdict.valueOf(rs.getString("verdict")),
                outcome == null ? null : ImportOutcome.valueOf(outcome),
                order,
                rs.getString("order_number"),
                MessageJson.read(rs.getString("outcome_message")),
                rs.getString("edited_by_name"));
    }
}
