package dev.kontor.documents.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import dev.kontor.documents.MailStatus;
import dev.kontor.documents.OutgoingMail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox table. */
@Repository
public class MailRepository {

    /** A mail claimed for sending. */
    public record Due(
            long id, String recipient, String subject, String html, String text, int attempts, Long attachment) {}

    private final JdbcClient jdbc;

    MailRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(
            String purpose,
            String subjectType,
            Long subjectId,
            String recipient,
            String subject,
            String html,
            String text,
            Long attachment,
            Instant now) {
        return jdbc.sql("""
                        INSERT INTO outgoing_mail (purpose, subject_type, subject_id, recipient, subject, body_html,
                            body_text, status, next_attempt_at, created_at, attachment_document_id)
                        VALUES (:purpose, :type, :id, :recipient, :subject, :html, :text, 'QUEUED', :now, :now,
                            :attachment)
                        RETURNING id""")
                .param("attachment", attachment)
                .param("purpose", purpose)
                .param("type", subjectType)
                .param("id", subjectId)
                .param("recipient", recipient)
                .param("subject", subject)
                .param("html", html)
                .param("text", text)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    /**
     * Claims up to {@code limit} due mails for this sender: they are pushed {@code lease} into the future, so
     * another instance (or this one's next round) does not send them too while this one is at it. Rows another
     * instance is claiming at this moment are skipped, not waited for.
     */
    public List<Due> claim(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                        UPDATE outgoing_mail SET next_attempt_at = :lease
                        WHERE id IN (SELECT id FROM outgoing_mail WHERE status = 'QUEUED' AND next_attempt_at <= :now
                                     ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING id, recipient, subject, body_html, body_text, attempts, attachment_document_id""")
                .param("now", Timestamp.from(now))
                .param("lease", Timestamp.from(leaseUntil))
                .param("limit", limit)
                .query((rs, n) -> new Due(
                        rs.getLong("id"),
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        rs.getString("body_html"),
                        rs.getString("body_text"),
                        rs.getInt("attempts"),
                        rs.getObject("attachment_document_id", Long.class)))
                .list();
    }

    public void sent(long id, Instant now) {
        jdbc.sql("UPDATE outgoing_mail SET status = 'SENT', sent_at = :now, attempts = attempts + 1, last_error = NULL"
                        + " WHERE id = :id")
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    public void failed(long id, String error, Instant retryAt, boolean giveUp) {
        jdbc.sql("""
                        UPDATE outgoing_mail SET attempts = attempts + 1, last_error = :error, next_attempt_at = :retry,
                            status = CASE WHEN :giveUp THEN 'FAILED' ELSE 'QUEUED' END
                        WHERE id = :id""")
                .param("error", error)
                .param("retry", Timestamp.from(retryAt))
                .param("giveUp", giveUp)
                .param("id", id)
                .update();
    }

    public List<OutgoingMail> about(String subjectType, long subjectId) {
        return jdbc.sql("""
                        SELECT id, purpose, subject_type, subject_id, recipient, subject, status, attempts, next_attempt_at,
                               last_error, created_at, sent_at
                        FROM outgoing_mail WHERE subject_type = :type AND subject_id = :id ORDER BY id DESC""")
                .param("type", subjectType)
                .param("id", subjectId)
                .query(MailRepository::map)
                .list();
    }

    private static OutgoingMail map(ResultSet rs, int n) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        long subjectId = rs.getLong("subject_id");
        return new OutgoingMail(
                rs.getLong("id"),
                rs.getString("purpose"),
                rs.getString("subject_type"),
                rs.wasNull() ? null : subjectId,
                rs.getString("recipient"),
                rs.getString("subject"),
                MailStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(),
                rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(),
                sent == null ? null : sent.toInstant());
    }
}
