package dev.kontor.documents.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Signed order documents that came back (到单), and which orders need one. */
@Repository
public class SignedDocumentRepository {

    private final JdbcClient jdbc;
    private final DocumentSettingsRepository settings;

    SignedDocumentRepository(JdbcClient jdbc, DocumentSettingsRepository settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** The standing arrival of an order. */
    public record Arrival(long id, String fileName, String contentType, Instant arrivedAt, String arrivedBy) {}

    /** Which orders need the signed document: channels (comma separated codes) and whether business customers do. */
    public record Requirement(String channels, boolean companies) {}

    public Optional<Arrival> standing(long orderId) {
        return jdbc.sql("""
                        SELECT id, file_name, content_type, arrived_at, arrived_by FROM signed_documents
                        WHERE order_id = :order AND cancelled_at IS NULL""")
                .param("order", orderId)
                .query((rs, n) -> new Arrival(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5)))
                .optional();
    }

    public Optional<byte[]> bytes(long id) {
        return jdbc.sql("SELECT bytes FROM signed_documents WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    public long insert(long orderId, String fileName, String contentType, byte[] bytes, String by, Instant now) {
        return jdbc.sql("""
                        INSERT INTO signed_documents (order_id, file_name, content_type, bytes, arrived_at, arrived_by)
                        VALUES (:order, :name, :type, :bytes, :now, :by) RETURNING id""")
                .param("order", orderId)
                .param("name", fileName)
                .param("type", contentType)
                .param("bytes", bytes)
                .param("now", Timestamp.from(now))
                .param("by", by)
                .query(Long.class)
                .single();
    }

    public int cancel(long orderId, String by, String reason, Instant now) {
        return jdbc.sql("""
                        UPDATE signed_documents SET cancelled_at = :now, cancelled_by = :by, cancel_reason = :reason
                        WHERE order_id = :order AND cancelled_at IS NULL""")
                .param("order", orderId)
                .param("now", Timestamp.from(now))
                .param("by", by)
                .param("reason", reason)
                .update();
    }

    public Requirement requirement() {
        DocumentSettingsRepository.Row row = settings.row();
        return new Requirement(row.signedChannels(), row.signedCompanies());
    }

    public void setRequirement(String channels, boolean companies, String invoiceOn, String by, Instant now) {
        jdbc.sql("""
                        INSERT INTO document_settings (id, invoice_on, updated_at, updated_by, signed_channels,
                            signed_companies)
                        VALUES (1, :invoiceOn, :now, :by, :channels, :companies)
                        ON CONFLICT (id) DO UPDATE SET signed_channels = EXCLUDED.signed_channels,
                            signed_companies = EXCLUDED.signed_companies, updated_at = EXCLUDED.updated_at,
                            updated_by = EXCLUDED.updated_by""")
                .param("invoiceOn", invoiceOn)
                .param("now", Timestamp.from(now))
                .param("by", by)
                .param("channels", channels)
                .param("companies", companies)
                .update();
        settings.forget();
    }
}
