package dev.kontor.timeline.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.kontor.timeline.Change;
import dev.kontor.timeline.TimelineEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class TimelineRepository {

    private static final TypeReference<List<Change>> CHANGES = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TimelineRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public TimelineEntry insert(TimelineEntry e) {
        long id = jdbc.sql("""
                        INSERT INTO timeline_entries
                            (subject_type, subject_id, occurred_at, actor_id, actor_name, action, changes, reason, details)
                        VALUES (:type, :subject, :at, :actorId, :actorName, :action, :changes::jsonb, :reason, :details::jsonb)
                        RETURNING id""").params(columns(e)).query(Long.class).single();
        return new TimelineEntry(
                id,
                e.subjectType(),
                e.subjectId(),
                e.occurredAt(),
                e.actorId(),
                e.actorName(),
                e.action(),
                e.changes(),
                e.reason(),
                e.details());
    }

    /**
     * Inserts an entry written for an event, unless an entry for the same event is there already; answers whether
     * it was written.
     */
    public boolean insertOnce(String eventKey, TimelineEntry e) {
        return jdbc.sql("""
                        INSERT INTO timeline_entries (subject_type, subject_id, occurred_at, actor_id, actor_name, action,
                            changes, reason, details, event_key)
                        VALUES (:type, :subject, :at, :actorId, :actorName, :action, :changes::jsonb, :reason,
                            :details::jsonb, :key)
                        ON CONFLICT (event_key) WHERE event_key IS NOT NULL DO NOTHING""").params(columns(e)).param("key", eventKey).update() == 1;
    }

    private Map<String, Object> columns(TimelineEntry e) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("type", e.subjectType());
        columns.put("subject", e.subjectId());
        columns.put("at", Timestamp.from(e.occurredAt()));
        columns.put("actorId", e.actorId());
        columns.put("actorName", e.actorName());
        columns.put("action", e.action());
        columns.put("changes", json.writeValueAsString(e.changes()));
        columns.put("reason", e.reason());
        columns.put("details", json.writeValueAsString(e.details()));
        return columns;
    }

    /** Inserts many entries in one statement. */
    public void insertAll(List<TimelineEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO timeline_entries
                            (subject_type, subject_id, occurred_at, actor_id, actor_name, action, changes, reason, details)
                        SELECT type, subject, CAST(at AS TIMESTAMPTZ), actor_id, actor_name, action, CAST(changes AS JSONB),
                               reason, CAST(details AS JSONB)
                        FROM unnest(CAST(:types AS TEXT[]), CAST(:subjects AS BIGINT[]), CAST(:at AS TEXT[]),
                                    CAST(:actors AS BIGINT[]), CAST(:names AS TEXT[]), CAST(:actions AS TEXT[]),
                                    CAST(:changes AS TEXT[]), CAST(:reasons AS TEXT[]), CAST(:details AS TEXT[]))
                            WITH ORDINALITY AS e (type, subject, at, actor_id, actor_name, action, changes, reason, details, n)
                        ORDER BY n""")
                .param("types", column(entries, TimelineEntry::subjectType))
                .param(
                        "subjects",
                        entries.stream().map(TimelineEntry::subjectId).toArray(Long[]::new))
                .param("at", column(entries, e -> e.occurredAt().toString()))
                .param("actors", entries.stream().map(TimelineEntry::actorId).toArray(Long[]::new))
                .param("names", column(entries, TimelineEntry::actorName))
                .param("actions", column(entries, TimelineEntry::action))
                .param("changes", column(entries, e -> json.writeValueAsString(e.changes())))
                .param("reasons", column(entries, TimelineEntry::reason))
                .param("details", column(entries, e -> json.writeValueAsString(e.details())))
                .update();
    }

    private static String[] column(List<TimelineEntry> entries, Function<TimelineEntry, String> value) {
        return entries.stream().map(value).toArray(String[]::new);
    }

    public List<TimelineEntry> findBySubject(String type, long subjectId) {
        return jdbc.sql("""
                        SELECT id, subject_type, subject_id, occurred_at, actor_id, actor_name, action, changes, reason, details
                        FROM timeline_entries
                        WHERE subject_type = :type AND subject_id = :subject
                        ORDER BY id DESC""")
                .param("type", type)
                .param("subject", subjectId)
                .query(this::map)
                .list();
    }

    private TimelineEntry map(ResultSet rs, int row) throws SQLException {
        return new TimelineEntry(
                rs.getLong("id"),
                rs.getString("subject_type"),
                rs.getLong("subject_id"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getObject("actor_id", Long.class),
                rs.getString("actor_name"),
                rs.getString("action"),
                json.readValue(rs.getString("changes"), CHANGES),
                rs.getString("reason"),
                json.readValue(rs.getString("details"), DETAILS));
    }
}
