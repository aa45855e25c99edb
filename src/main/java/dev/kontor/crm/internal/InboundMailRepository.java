package dev.kontor.crm.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Mail received from customers, and the mailbox's polls. */
@Repository
public class InboundMailRepository {

    private final JdbcClient jdbc;

    InboundMailRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A kept mail. */
    public record Kept(
            long id,
            String messageId,
            Instant receivedAt,
            Instant sentAt,
            String fromAddress,
            String fromName,
            String subject,
            String body,
            String attachments,
            Long orderId,
            Instant handledAt,
            String handledBy) {}

    /** Keeps a mail unless one with its Message-ID is kept already; answers its id when it is new. */
    public Optional<Long> insertIfNew(
            String messageId,
            Instant receivedAt,
            Instant sentAt,
            String fromAddress,
            String fromName,
            String subject,
            String body,
            String attachments,
            Long orderId) {
        return jdbc.sql("""
                        INSERT INTO inbound_mails (message_id, received_at, sent_at, from_address, from_name, subject,
                            body, attachments, order_id)
                        VALUES (:messageId, :receivedAt, :sentAt, :from, :name, :subject, :body, :attachments, :order)
                        ON CONFLICT (message_id) DO NOTHING RETURNING id""")
                .param("messageId", messageId)
                .param("receivedAt", Timestamp.from(receivedAt))
                .param("sentAt", sentAt == null ? null : Timestamp.from(sentAt))
                .param("from", fromAddress)
                .param("name", fromName)
                .param("subject", subject)
                .param("body", body)
                .param("attachments", attachments)
                .param("order", orderId)
                .query(Long.class)
                .optional();
    }

    /** Mails no order took yet, newest first. */
    public List<Kept> waiting(int limit) {
        return jdbc.sql("""
                        SELECT * FROM inbound_mails WHERE order_id IS NULL AND handled_at IS NULL
                        ORDER BY received_at DESC, id DESC LIMIT :limit""")
                .param("limit", limit)
                .query(InboundMailRepository::kept)
                .list();
    }

    public long waitingCount() {
        return jdbc.sql("SELECT count(*) FROM inbound_mails WHERE order_id IS NULL AND handled_at IS NULL")
                .query(Long.class)
                .single();
    }

    /** A kept mail, if there is one by this id. */
    public Optional<Kept> find(long id) {
        return jdbc.sql("SELECT * FROM inbound_mails WHERE id = :id")
                .param("id", id)
                .query(InboundMailRepository::kept)
                .optional();
    }

    /** A kept mail, whatever became of it. */
    public Kept get(long id) {
        return jdbc.sql("SELECT * FROM inbound_mails WHERE id = :id")
                .param("id", id)
                .query(InboundMailRepository::kept)
                .single();
    }

    /** A mail's attachment as listed: its place in the mail, name, type, size, and whether its bytes were kept. */
    public record StoredAttachment(
            long mailId, int position, String name, String contentType, long bytes, boolean kept) {}

    /** An attachment to keep: {@code content} {@code null} for one too large to keep. */
    public record NewAttachment(String name, String contentType, long bytes, byte[] content) {}

    /** Keeps a mail's attachments, in their order. */
    public void insertAttachments(long mailId, List<NewAttachment> attachments) {
        for (int i = 0; i < attachments.size(); i++) {
            NewAttachment a = attachments.get(i);
            jdbc.sql("""
                            INSERT INTO inbound_attachments (mail_id, position, file_name, content_type, bytes, content)
                            VALUES (:mail, :position, :name, :type, :bytes, :content)""")
                    .param("mail", mailId)
                    .param("position", i)
                    .param("name", a.name())
                    .param("type", a.contentType())
                    .param("bytes", a.bytes())
                    .param("content", a.content(), Types.BINARY)
                    .update();
        }
    }

    /** The attachments of these mails, listed (without their bytes), in each mail's order. */
    public List<StoredAttachment> attachmentsOf(Collection<Long> mailIds) {
        if (mailIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT mail_id, position, file_name, content_type, bytes, content IS NOT NULL AS kept
                        FROM inbound_attachments WHERE mail_id IN (:ids) ORDER BY mail_id, position""")
                .param("ids", mailIds)
                .query((rs, n) -> new StoredAttachment(
                        rs.getLong("mail_id"),
                        rs.getInt("position"),
                        rs.getString("file_name"),
                        rs.getString("content_type"),
                        rs.getLong("bytes"),
                        rs.getBoolean("kept")))
                .list();
    }

    /** An attachment's bytes, if it was kept. */
    public Optional<byte[]> content(long mailId, int position) {
        return jdbc.sql("""
                        SELECT content FROM inbound_attachments
                        WHERE mail_id = :mail AND position = :position AND content IS NOT NULL""")
                .param("mail", mailId)
                .param("position", position)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    /** A waiting mail, locked for the one who takes it. */
    public Optional<Kept> lockWaiting(long id) {
        return jdbc.sql("""
                        SELECT * FROM inbound_mails WHERE id = :id AND order_id IS NULL AND handled_at IS NULL
                        FOR UPDATE""").param("id", id).query(InboundMailRepository::kept).optional();
    }

    public void handle(long id, Long orderId, Instant at, String by) {
        jdbc.sql("UPDATE inbound_mails SET order_id = :order, handled_at = :at, handled_by = :by WHERE id = :id")
                .param("order", orderId)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .param("id", id)
                .update();
    }

    /** The mailbox's poll state; {@code lock}: only if no other instance is polling (else nothing). */
    public record Poll(Instant polledAt, long fetched, String error, Instant errorAt) {}

    public Optional<Poll> lockPoll() {
        return jdbc.sql("SELECT * FROM mailbox_polls WHERE id = 1 FOR UPDATE SKIP LOCKED")
                .query(InboundMailRepository::pollRow)
                .optional();
    }

    public Poll poll() {
        return jdbc.sql("SELECT * FROM mailbox_polls WHERE id = 1")
                .query(InboundMailRepository::pollRow)
                .single();
    }

    public void polled(Instant at, int fetched) {
        jdbc.sql("UPDATE mailbox_polls SET polled_at = :at, fetched = fetched + :n, error = NULL WHERE id = 1")
                .param("at", Timestamp.from(at))
                .param("n", fetched)
                .update();
    }

    public void failed(Instant at, String error) {
        jdbc.sql("UPDATE mailbox_polls SET error = :error, error_at = :at WHERE id = 1")
                .param("error", error)
                .param("at", Timestamp.from(at))
                .update();
    }

    private static Kept kept(ResultSet rs, int n) throws SQLException {
        return new Kept(
                rs.getLong("id"),
                rs.getString("message_id"),
                rs.getTimestamp("received_at").toInstant(),
                instant(rs, "sent_at"),
                rs.getString("from_address"),
                rs.getString("from_name"),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getString("attachments"),
                (Long) rs.getObject("order_id"),
                instant(rs, "handled_at"),
                rs.getString("handled_by"));
    }

    private static Poll pollRow(ResultSet rs, int n) throws SQLException {
        return new Poll(
                instant(rs, "polled_at"), rs.getLong("fetched"), rs.getString("error"), instant(rs, "error_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
