package dev.kontor.timeline.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import dev.kontor.timeline.Change;
import dev.kontor.timeline.TimelineEntry;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class TimelineRepository {

    private static final TypeReference<List<Change>> CHANGES = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() { };

    private static final String INSERT = """
            INSERT INTO timeline_entries
                (subject_type, subject_id, occurred_at, actor_id, actor_name, action, changes, reason, details)
            VALUES (:type, :subject, :at, :actorId, :actorName, :action, :changes::jsonb, :reason, :details::jsonb)""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TimelineRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public TimelineEntry insert(TimelineEntry e) {
        long id = jdbc.sql(INSERT + " RETURNING id").params(columns(e).getValues()).query(Long.class).single();
        return new TimelineEntry(id, e.subjectType(), e.subjectId(), e.occurredAt(), e.actorId(), e.actorName(),
                e.action(), e.changes(), e.reason(), e.details());
    }

    /** Inserts many entries in one statement. */
    public void insertAll(List<TimelineEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        int n = entries.size();
        String[][] text = new String[7][n];
        Long[] subjects = new Long[n];
        Long[] actors = new Long[n];
        for (int i = 0; i < n; i++) {
            TimelineEntry e = entries.get(i);
            subjects[i] = e.subjectId();
            actors[i] = e.actorId();
            text[0][i] = e.subjectType();
            text[1][i] = e.occurredAt().toString();
            text[2][i] = e.actorName();
            text[3][i] = e.action();
            text[4][i] = json.writeValueAsString(e.changes());
            text[5][i] = e.reason();
            text[6][i] = json.writeValueAsString(e.details());
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
                .param("types", text[0]).param("subjects", subjects).param("at", text[1]).param("actors", actors)
                .param("names", text[2]).param("actions", text[3]).param("changes", text[4]).param("reasons", text[5])
                .param("details", text[6]).update();
    }

    private MapSqlParameterSource columns(TimelineEntry e) {
        return new MapSqlParameterSource()
                .addValue("type", e.subjectType())
                .addValue("subject", e.subjectId())
                .addValue("at", Timestamp.from(e.occurredAt()))
                .addValue("actorId", e.actorId())
                .addValue("actorName", e.actorName())
                .addValue("action", e.action())
                .addValue("changes", json.writeValueAsString(e.changes()))
                .addValue("reason", e.reason())
                .addValue("details", json.writeValueAsString(e.details()));
    }

    public List<TimelineEntry> findBySubject(String type, long subjectId) {
        return jdbc.sql("""
                        SELECT id, subject_type, subject_id, occurred_at, actor_id, actor_name, action, changes, reason, details
                        FROM timeline_entries
                        WHERE subject_type = :type AND subject_id = :subject
                        ORDER BY id DESC""")
                .param("type", type)
                .param("subject", subjectId)
                .query(this::map).list();
    }

    private TimelineEntry map(ResultSet rs, int row) throws SQLException {
        return new TimelineEntry(rs.getLong("id"), rs.getString("subject_type"), rs.getLong("subject_id"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getObject("actor_id", Long.class), rs.getString("actor_name"),
                rs.getString("action"), json.readValue(rs.getString("changes"), CHANGES), rs.getString("reason"),
                json.readValue(rs.getString("details"), DETAILS));
    }
}
