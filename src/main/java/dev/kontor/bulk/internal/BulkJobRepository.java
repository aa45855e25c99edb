package dev.kontor.bulk.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.kontor.bulk.BulkItemStatus;
import dev.kontor.bulk.BulkJob;
import dev.kontor.shared.Message;
import dev.kontor.shared.MessageJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Bulk jobs and their items: one row per chosen subject. */
@Repository
public class BulkJobRepository {

    /** An item claimed for working on, with what its job asks. */
    public record Claimed(
            long jobId,
            int position,
            long subjectId,
            String subject,
            String action,
            String argument,
            long requestedById) {}

    private final JdbcClient jdbc;

    BulkJobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes a new job; empty when the user already has one with this request key (the same request sent twice:
     * a concurrent twin is waited for and then seen as there).
     */
    public Optional<Long> insertJob(
            String subject,
            String action,
            String argument,
            long requestedById,
            String requestedByName,
            Instant now,
            String requestKey) {
        return jdbc.sql("""
                        INSERT INTO bulk_jobs (subject, action, argument, requested_by_id, requested_by_name, total,
                            created_at, request_key)
                        VALUES (:subject, :action, :argument, :by, :name, 0, :now, :key)
                        ON CONFLICT (requested_by_id, request_key) WHERE request_key IS NOT NULL DO NOTHING
                        RETURNING id""")
                .param("subject", subject)
                .param("action", action)
                .param("argument", argument)
                .param("by", requestedById)
                .param("name", requestedByName)
                .param("now", Timestamp.from(now))
                .param("key", requestKey)
                .query(Long.class)
                .optional();
    }

    public Optional<BulkJob> findByRequestKey(long requestedById, String requestKey) {
        return jdbc.sql(SELECT_JOBS + " WHERE j.requested_by_id = :by AND j.request_key = :key")
                .param("by", requestedById)
                .param("key", requestKey)
                .query(BulkJobRepository::job)
                .optional();
    }

    /** Adds the subjects as the job's items, in the given order, and makes their number the job's total. */
    public void addItems(long jobId, List<Long> subjectIds) {
        jdbc.sql("""
                        INSERT INTO bulk_job_items (job_id, position, subject_id)
                        SELECT :job, chosen.n, chosen.id
                        FROM unnest(CAST(:ids AS BIGINT[])) WITH ORDINALITY AS chosen (id, n)""")
                .param("job", jobId)
                .param("ids", subjectIds.toArray(Long[]::new))
                .update();
        jdbc.sql("UPDATE bulk_jobs SET total = :total WHERE id = :id")
                .param("total", subjectIds.size())
                .param("id", jobId)
                .update();
        if (subjectIds.size() >= FRESH_STATISTICS) {
            // A big job changes what the table holds faster than autovacuum notices: told the planner at once,
            // claims walk the pending index in order and stop (without, a claim sorted every pending item first:
            // 15 ms per claim at 20,000 items, 2 s of a 20,000-order import).
            jdbc.sql("ANALYZE bulk_job_items").update();
        }
    }

    /** From this many items a new job refreshes the table's statistics. */
    private static final int FRESH_STATISTICS = 5_000;

    public Optional<BulkJob> find(long id) {
        return jdbc.sql(SELECT_JOBS + " WHERE j.id = :id")
                .param("id", id)
                .query(BulkJobRepository::job)
                .optional();
    }

    /** The latest jobs of one user (or everyone's, with {@code null}), newest first, with their counts. */
    public List<BulkJob> latest(Long requestedById, int limit) {
        return jdbc.sql(SELECT_JOBS + " WHERE CAST(:by AS BIGINT) IS NULL OR j.requested_by_id = :by"
                        + " ORDER BY j.id DESC LIMIT :limit")
                .param("by", requestedById)
                .param("limit", limit)
                .query(BulkJobRepository::job)
                .list();
    }

    /** A job with how many of its items are in each state (two arrays of the same length). */
    private static final String SELECT_JOBS = """
            SELECT j.*, c.statuses, c.counts FROM bulk_jobs j
            LEFT JOIN LATERAL (SELECT array_agg(status) AS statuses, array_agg(n) AS counts
                               FROM (SELECT status, count(*) AS n FROM bulk_job_items WHERE job_id = j.id
                                     GROUP BY status) g) c ON TRUE""";

    private static BulkJob job(ResultSet rs, int row) throws SQLException {
        Map<BulkItemStatus, Long> counts = new EnumMap<>(BulkItemStatus.class);
        if (rs.getArray("statuses") != null) {
            String[] statuses = (String[]) rs.getArray("statuses").getArray();
            Long[] numbers = (Long[]) rs.getArray("counts").getArray();
            for (int i = 0; i < statuses.length; i++) {
                counts.put(BulkItemStatus.valueOf(statuses[i]), numbers[i]);
            }
        }
        return new BulkJob(
                rs.getLong("id"),
                rs.getString("subject"),
                rs.getString("action"),
                rs.getString("argument"),
                rs.getLong("requested_by_id"),
                rs.getString("requested_by_name"),
                rs.getInt("total"),
                rs.getTimestamp("created_at").toInstant(),
                counts);
    }

    /**
     * The job's items after a position, only those with a problem (refused, failed, asked) when asked for; their
     * labels are the handler's to add.
     */
    public List<BulkJob.Item> items(long jobId, boolean problemsOnly, int afterPosition, int limit) {
        return jdbc.sql("""
                        SELECT i.position, i.subject_id, i.status, i.result
                        FROM bulk_job_items i
                        WHERE i.job_id = :job AND i.position > :after
                          AND (NOT :problems OR i.status IN ('REFUSED', 'FAILED', 'ASKED'))
                        ORDER BY i.position LIMIT :limit""")
                .param("job", jobId)
                .param("after", afterPosition)
                .param("problems", problemsOnly)
                .param("limit", limit)
                .query((rs, n) -> new BulkJob.Item(
                        rs.getInt("position"),
                        rs.getLong("subject_id"),
                        null,
                        BulkItemStatus.valueOf(rs.getString("status")),
                        MessageJson.read(rs.getString("result"))))
                .list();
    }

    /**
     * Claims up to {@code limit} pending items for this worker until {@code leaseUntil}; items another instance
     * is claiming at this moment are skipped, and items whose lease ran out (a crashed instance's) are taken over.
     * The claimed items are joined back on their whole key: written as {@code (job_id, position) IN (…)} the planner
     * joined on the job alone and filtered every item of the job, half a second per claim at 10,000 items.
     */
    public List<Claimed> claim(Instant now, Instant leaseUntil, int limit) {
        return jdbc
                .sql("""
                        WITH claimed AS (
                            SELECT job_id, position FROM bulk_job_items
                            WHERE status = 'PENDING' AND (lease_until IS NULL OR lease_until <= :now)
                            ORDER BY job_id, position LIMIT :limit FOR UPDATE SKIP LOCKED)
                        UPDATE bulk_job_items i SET lease_until = :lease
                        FROM claimed c, bulk_jobs j
                        WHERE i.job_id = c.job_id AND i.position = c.position AND j.id = i.job_id
                        RETURNING i.job_id, i.position, i.subject_id, j.subject, j.action, j.argument, j.requested_by_id""")
                .param("now", Timestamp.from(now))
                .param("lease", Timestamp.from(leaseUntil))
                .param("limit", limit)
                .query((rs, n) -> new Claimed(
                        rs.getLong("job_id"),
                        rs.getInt("position"),
                        rs.getLong("subject_id"),
                        rs.getString("subject"),
                        rs.getString("action"),
                        rs.getString("argument"),
                        rs.getLong("requested_by_id")))
                .list()
                .stream()
                .sorted(Comparator.comparingLong(Claimed::jobId).thenComparingInt(Claimed::position))
                .toList(); // RETURNING keeps no order: work them in the order they were asked for
    }

    /**
     * Locks a pending item for the transaction that works on it; {@code false} when it is no longer pending (another
     * instance finished it after this one's lease ran out).
     */
    public boolean lockPending(long jobId, int position) {
        return jdbc.sql("""
                        SELECT 1 FROM bulk_job_items WHERE job_id = :job AND position = :position AND status = 'PENDING'
                        FOR UPDATE""")
                .param("job", jobId)
                .param("position", position)
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    /** Locks those of the job's items that are still pending; answers their positions. */
    public List<Integer> lockPending(long jobId, Collection<Integer> positions) {
        return jdbc.sql("""
                        SELECT position FROM bulk_job_items
                        WHERE job_id = :job AND position IN (:positions) AND status = 'PENDING'
                        ORDER BY position FOR UPDATE""")
                .param("job", jobId)
                .param("positions", positions)
                .query(Integer.class)
                .list();
    }

    /** Records the same result for many items of a job (those still pending). */
    public int finishAll(long jobId, Collection<Integer> positions, BulkItemStatus status, Instant now) {
        if (positions.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        UPDATE bulk_job_items SET status = :status, result = NULL, finished_at = :now, lease_until = NULL
                        WHERE job_id = :job AND position IN (:positions) AND status = 'PENDING'""")
                .param("status", status.name())
                .param("now", Timestamp.from(now))
                .param("job", jobId)
                .param("positions", positions)
                .update();
    }

    /** Records what became of an item, if it is still pending. */
    public boolean finish(long jobId, int position, BulkItemStatus status, Message result, Instant now) {
        return jdbc.sql("""
                        UPDATE bulk_job_items SET status = :status, result = CAST(:result AS JSONB), finished_at = :now,
                            lease_until = NULL
                        WHERE job_id = :job AND position = :position AND status = 'PENDING'""")
                        .param("status", status.name())
                        .param("result", MessageJson.write(result))
                        .param("now", Timestamp.from(now))
                        .param("job", jobId)
                        .param("position", position)
                        .update()
                == 1;
    }
}
