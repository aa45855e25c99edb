package dev.kontor.access.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import dev.kontor.access.AuditEntry;
import dev.kontor.access.AuditEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only audit log. */
@Repository
public class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Instant at, String username, AuditEvent event, String detail, String remoteAddress) {
        jdbc.sql("""
                        INSERT INTO audit_log (occurred_at, username, event, detail, remote_address)
                        VALUES (:at, :username, :event, :detail, :address)""")
                .param("at", Timestamp.from(at))
                .param("username", truncate(username, 100))
                .param("event", event.name())
                .param("detail", truncate(detail, 1000))
                .param("address", remoteAddress)
                .update();
    }

    public List<AuditEntry> latest(AuditEvent event, String username, int limit) {
        return jdbc.sql("""
                        SELECT id, occurred_at, username, event, detail, remote_address FROM audit_log
                        WHERE (CAST(:event AS text) IS NULL OR event = :event)
                          AND (CAST(:username AS text) IS NULL OR username = :username)
                        ORDER BY id DESC LIMIT :limit""")
                .param("event", event == null ? null : event.name())
                .param("username", username)
                .param("limit", limit)
                .query((rs, n) -> new AuditEntry(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        AuditEvent.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    /** Failed sign-ins of this name since the given time. */
    public int failuresSince(String username, Instant since) {
        return jdbc.sql("""
                        SELECT count(*) FROM audit_log
                        WHERE event = 'SIGN_IN_FAILED' AND username = :username AND occurred_at > :since
                          AND occurred_at > coalesce((SELECT max(occurred_at) FROM audit_log
                                                      WHERE event = 'SIGN_IN' AND username = :username), '-infinity')""")
                .param("username", username)
                .param("since", Timestamp.from(since))
                .query(Integer.class)
                .single();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
