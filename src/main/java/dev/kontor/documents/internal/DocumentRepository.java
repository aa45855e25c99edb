package dev.kontor.documents.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.kontor.documents.Document;
import dev.kontor.documents.DocumentContent;
import dev.kontor.documents.DocumentKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Issued documents: written once, read often, voided at most once (the table's trigger refuses anything else). */
@Repository
public class DocumentRepository {

    private static final String COLUMNS = """
            id, order_id, kind, number, issued_at, issued_by, language, paper, currency, total_minor, content,
            pdf_sha256, corrects_id, voided_at, voided_by, void_reason, accepted_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DocumentRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** What a new document is: everything but its id. */
    public record NewDocument(
            long orderId,
            DocumentKind kind,
            String number,
            Instant issuedAt,
            Long issuedById,
            String issuedBy,
            String language,
            Document.Paper paper,
            DocumentContent content,
            byte[] pdf,
            String pdfSha256,
            Long correctsId) {}

    public Document insert(NewDocument d) {
        long id = jdbc.sql("""
                        INSERT INTO documents (order_id, kind, number, issued_at, issued_by_id, issued_by, language,
                            paper, currency, total_minor, content, pdf, pdf_sha256, corrects_id)
                        VALUES (:order, :kind, :number, :at, :byId, :by, :language, :paper, :currency, :total,
                            CAST(:content AS jsonb), :pdf, :sha, :corrects)
                        RETURNING id""")
                .param("order", d.orderId())
                .param("kind", d.kind().name())
                .param("number", d.number())
                .param("at", Timestamp.from(d.issuedAt()))
                .param("byId", d.issuedById())
                .param("by", d.issuedBy())
                .param("language", d.language())
                .param("paper", d.paper().name())
                .param("currency", d.content().currency())
                .param("total", d.content().total())
                .param("content", json.writeValueAsString(d.content()))
                .param("pdf", d.pdf())
                .param("sha", d.pdfSha256())
                .param("corrects", d.correctsId())
                .query(Long.class)
                .single();
        return findById(id).orElseThrow();
    }

    public Optional<Document> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM documents WHERE id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** The document locked until the transaction ends: one void or credit note at a time. */
    public Optional<Document> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM documents WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** An order's documents, oldest first. */
    public List<Document> ofOrder(long orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM documents WHERE order_id = :order ORDER BY issued_at, id")
                .param("order", orderId)
                .query(this::map)
                .list();
    }

    /** The documents of these orders, newest first, at most {@code limit}. */
    public List<Document> ofOrders(Collection<Long> orderIds, int limit) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM documents WHERE order_id = ANY(:orders) ORDER BY issued_at DESC, id DESC LIMIT :limit")
                .param("orders", orderIds.toArray(Long[]::new))
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    /** Documents of a kind (all kinds when {@code null}) issued in [from, to), newest first. */
    public List<Document> issued(DocumentKind kind, Instant from, Instant to, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM documents
                        WHERE (CAST(:kind AS text) IS NULL OR kind = :kind)
                          AND (CAST(:from AS timestamptz) IS NULL OR issued_at >= :from)
                          AND (CAST(:to AS timestamptz) IS NULL OR issued_at < :to)
                        ORDER BY issued_at DESC, id DESC LIMIT :limit""")
                .param("kind", kind == null ? null : kind.name())
                .param("from", from == null ? null : Timestamp.from(from))
                .param("to", to == null ? null : Timestamp.from(to))
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    public Optional<byte[]> pdf(long id) {
        return jdbc.sql("SELECT pdf FROM documents WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    public void markVoid(long id, String by, String reason, Instant at) {
        jdbc.sql("UPDATE documents SET voided_at = :at, voided_by = :by, void_reason = :reason WHERE id = :id")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .param("reason", reason)
                .update();
    }

    public void markAccepted(long id, Instant at) {
        jdbc.sql("UPDATE documents SET accepted_at = :at WHERE id = :id")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .update();
    }

    private Document map(ResultSet rs, int row) throws SQLException {
        Timestamp voided = rs.getTimestamp("voided_at");
        long correctsValue = rs.getLong("corrects_id");
        Long corrects = rs.wasNull() ? null : correctsValue;
        return new Document(
                rs.getLong("id"),
                rs.getLong("order_id"),
                DocumentKind.valueOf(rs.getString("kind")),
                rs.getString("number"),
                rs.getTimestamp("issued_at").toInstant(),
                rs.getString("issued_by"),
                rs.getString("language"),
                Document.Paper.valueOf(rs.getString("paper")),
                rs.getString("currency"),
                rs.getLong("total_minor"),
                json.readValue(rs.getString("content"), DocumentContent.class),
                rs.getString("pdf_sha256"),
                corrects,
                voided == null ? null : voided.toInstant(),
                rs.getString("voided_by"),
                rs.getString("void_reason"),
                rs.getTimestamp("accepted_at") == null
                        ? null
                        : rs.getTimestamp("accepted_at").toInstant());
    }
}
