package dev.kontor.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.kontor.access.Actor;
import dev.kontor.access.ApprovalRequest;
import dev.kontor.access.ApprovalStatus;
import dev.kontor.shared.Message;
import dev.kontor.shared.MessageJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Approval requests. */
@Repository
public class ApprovalRepository {

    private static final TypeReference<Map<String, String>> PAYLOAD = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ApprovalRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A request filed: its id, and whether it is new or was already pending. */
    public record Filed(long id, boolean created) {}

    /** Inserts a request, or returns the pending one that asks the same thing of the same subject. */
    public Filed insertOrFindPending(
            String subjectType,
            long subjectId,
            String label,
            String action,
            Map<String, String> payload,
            Integer version,
            String reason,
            String why,
            Actor requester,
            Instant now) {
        Optional<Long> id = jdbc.sql("""
                        INSERT INTO approval_requests (subject_type, subject_id, subject_label, action, payload,
                            subject_version, reason, why, status, requested_by_id, requested_by_name, requested_at)
                        VALUES (:type, :subject, :label, :action, :payload::jsonb, :version, :reason, :why, 'PENDING',
                            :byId, :byName, :now)
                        ON CONFLICT (subject_type, subject_id, action) WHERE status = 'PENDING' DO NOTHING
                        RETURNING id""")
                .param("type", subjectType)
                .param("subject", subjectId)
                .param("label", label)
                .param("action", action)
                .param("payload", json.writeValueAsString(payload))
                .param("version", version)
                .param("reason", reason)
                .param("why", why)
                .param("byId", requester.userId())
                .param("byName", requester.displayName())
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .optional();
        if (id.isPresent()) {
            return new Filed(id.get(), true);
        }
        return new Filed(
                jdbc.sql("""
                        SELECT id FROM approval_requests
                        WHERE subject_type = :type AND subject_id = :subject AND action = :action AND status = 'PENDING'""")
                        .param("type", subjectType)
                        .param("subject", subjectId)
                        .param("action", action)
                        .query(Long.class)
                        .single(),
                false);
    }

    public Optional<ApprovalRequest> findById(long id) {
        return jdbc.sql("SELECT * FROM approval_requests WHERE id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    public Optional<ApprovalRequest> lock(long id) {
        return jdbc.sql("SELECT * FROM approval_requests WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** Decides a pending request; false when it was no longer pending. */
    public boolean decide(long id, ApprovalStatus status, Actor decider, String comment, Message outcome, Instant now) {
        return jdbc.sql("""
                        UPDATE approval_requests SET status = :status, decided_by_id = :byId, decided_by_name = :byName,
                            decided_at = :now, decision_comment = :comment, outcome = CAST(:outcome AS JSONB)
                        WHERE id = :id AND status = 'PENDING'""")
                        .param("status", status.name())
                        .param("byId", decider.userId())
                        .param("byName", decider.displayName())
                        .param("now", Timestamp.from(now))
                        .param("comment", comment)
                        .param("outcome", MessageJson.write(outcome))
                        .param("id", id)
                        .update()
                == 1;
    }

    public List<ApprovalRequest> find(ApprovalStatus status, Long requestedBy, int limit) {
        return jdbc.sql("""
                        SELECT * FROM approval_requests
                        WHERE (CAST(:status AS text) IS NULL OR status = :status)
                          AND (CAST(:by AS bigint) IS NULL OR requested_by_id = :by)
                        ORDER BY id DESC LIMIT :limit""")
                .param("status", status == null ? null : status.name())
                .param("by", requestedBy)
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    public long countPending() {
        return jdbc.sql("SELECT count(*) FROM approval_requests WHERE status = 'PENDING'")
                .query(Long.class)
                .single();
    }

    private ApprovalRequest map(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new ApprovalRequest(
                rs.getLong("id"),
                rs.getString("subject_type"),
                rs.getLong("subject_id"),
                rs.getString("subject_label"),
                rs.getString("action"),
                json.readValue(rs.getString("payload"), PAYLOAD),
                rs.getObject("subject_version", Integer.class),
                rs.getString("reason"),
                rs.getString("why"),
                ApprovalStatus.valueOf(rs.getString("status")),
                rs.getObject("requested_by_id", Long.class),
                rs.getString("requested_by_name"),
                rs.getTimestamp("requested_at").toInstant(),
                rs.getObject("decided_by_id", Long.class),
                rs.getString("decided_by_name"),
                decided == null ? null : decided.toInstant(),
                rs.getString("decision_comment"),
                MessageJson.read(rs.getString("outcome")));
    }
}
