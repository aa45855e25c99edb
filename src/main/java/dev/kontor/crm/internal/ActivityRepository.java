package dev.kontor.crm.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.kontor.crm.Activity;
import dev.kontor.crm.ActivityKind;
import dev.kontor.crm.CallDirection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Planned activities. */
@Repository
public class ActivityRepository {

    private static final String SELECT = """
            SELECT a.*, u.display_name AS responsible_name FROM activities a JOIN users u ON u.id = a.responsible_id
            """;

    private final JdbcClient jdbc;

    ActivityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(
            String subjectType,
            long subjectId,
            String subjectLabel,
            ActivityKind kind,
            Instant dueAt,
            long responsibleId,
            String note,
            String by,
            Instant now) {
        return jdbc.sql("""
                        INSERT INTO activities (subject_type, subject_id, subject_label, kind, due_at, responsible_id,
                            note, created_by, created_at)
                        VALUES (:type, :subject, :label, :kind, :due, :responsible, :note, :by, :now) RETURNING id""")
                .param("type", subjectType)
                .param("subject", subjectId)
                .param("label", subjectLabel)
                .param("kind", kind.name())
                .param("due", Timestamp.from(dueAt))
                .param("responsible", responsibleId)
                .param("note", note)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    /** A call that happened: an activity done at once, with its direction and length. */
    public long insertCall(
            String subjectType,
            long subjectId,
            String subjectLabel,
            String direction,
            int minutes,
            String outcome,
            long userId,
            String by,
            Instant now) {
        return jdbc.sql("""
                        INSERT INTO activities (subject_type, subject_id, subject_label, kind, due_at, responsible_id,
                            created_by, created_at, done_at, done_by, outcome, reminded_at, call_direction, call_minutes)
                        VALUES (:type, :subject, :label, 'CALL', :now, :user, :by, :now, :now, :by, :outcome, :now,
                            :direction, :minutes) RETURNING id""")
                .param("type", subjectType)
                .param("subject", subjectId)
                .param("label", subjectLabel)
                .param("now", Timestamp.from(now))
                .param("user", userId)
                .param("by", by)
                .param("outcome", outcome)
                .param("direction", direction)
                .param("minutes", minutes)
                .query(Long.class)
                .single();
    }

    public Optional<Activity> find(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = :id")
                .param("id", id)
                .query(ActivityRepository::map)
                .optional();
    }

    /** Locks an open activity until the transaction ends: two people completing it, one wins. */
    public Optional<Activity> lockOpen(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = :id AND a.done_at IS NULL FOR UPDATE OF a")
                .param("id", id)
                .query(ActivityRepository::map)
                .optional();
    }

    public void markDone(long id, String by, String outcome, Instant now) {
        jdbc.sql("UPDATE activities SET done_at = :now, done_by = :by, outcome = :outcome WHERE id = :id")
                .param("now", Timestamp.from(now))
                .param("by", by)
                .param("outcome", outcome)
                .param("id", id)
                .update();
    }

    /**
     * Claims open activities due by {@code now} whose reminder is not sent yet, marking them reminded in the
     * caller's transaction; rows another instance is claiming are skipped.
     */
    public List<Activity> claimDueReminders(Instant now, int limit) {
        List<Long> ids = jdbc.sql("""
                        UPDATE activities SET reminded_at = :now
                        WHERE id IN (SELECT id FROM activities
                                     WHERE done_at IS NULL AND reminded_at IS NULL AND due_at <= :now
                                     ORDER BY due_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING id""")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(Long.class)
                .list();
        return ids.isEmpty()
                ? List.of()
                : jdbc.sql(SELECT + " WHERE a.id IN (:ids) ORDER BY a.due_at")
                        .param("ids", ids)
                        .query(ActivityRepository::map)
                        .list();
    }

    /** A user's open activities, the earliest due first. */
    public List<Activity> openOf(long userId, int limit) {
        return jdbc.sql(SELECT
                        + " WHERE a.responsible_id = :user AND a.done_at IS NULL ORDER BY a.due_at, a.id LIMIT :limit")
                .param("user", userId)
                .param("limit", limit)
                .query(ActivityRepository::map)
                .list();
    }

    /** How many of a user's open activities are due by {@code until}. */
    public long dueCount(long userId, Instant until) {
        return jdbc.sql("""
                        SELECT count(*) FROM activities
                        WHERE responsible_id = :user AND done_at IS NULL AND due_at <= :until""")
                .param("user", userId)
                .param("until", Timestamp.from(until))
                .query(Long.class)
                .single();
    }

    /** An order's or a customer's activities: open ones by due time, then the done ones, newest first. */
    public List<Activity> of(String subjectType, long subjectId) {
        return jdbc.sql(SELECT + """
                         WHERE a.subject_type = :type AND a.subject_id = :subject
                        ORDER BY a.done_at IS NOT NULL, CASE WHEN a.done_at IS NULL THEN a.due_at END, a.done_at DESC
                        LIMIT 50""")
                .param("type", subjectType)
                .param("subject", subjectId)
                .query(ActivityRepository::map)
                .list();
    }

    private static Activity map(ResultSet rs, int n) throws SQLException {
        return new Activity(
                rs.getLong("id"),
                rs.getString("subject_type"),
                rs.getLong("subject_id"),
                rs.getString("subject_label"),
                ActivityKind.valueOf(rs.getString("kind")),
                rs.getTimestamp("due_at").toInstant(),
                rs.getLong("responsible_id"),
                rs.getString("responsible_name"),
                rs.getString("note"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("done_at") == null
                        ? null
                        : rs.getTimestamp("done_at").toInstant(),
                rs.getString("done_by"),
                rs.getString("outcome"),
                rs.getString("call_direction") == null ? null : CallDirection.valueOf(rs.getString("call_direction")),
                rs.getObject("call_minutes", Integer.class));
    }
}
