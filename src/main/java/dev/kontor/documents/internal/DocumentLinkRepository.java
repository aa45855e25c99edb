package dev.kontor.documents.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Customers' download links; a token is kept only as its SHA-256. */
@Repository
public class DocumentLinkRepository {

    private final JdbcClient jdbc;

    DocumentLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A link as stored. */
    public record StoredLink(long documentId, Instant expiresAt, Instant revokedAt) {}

    public void insert(String tokenSha256, long documentId, String by, Instant now, Instant expires) {
        jdbc.sql("""
                        INSERT INTO document_links (token_sha256, document_id, created_at, created_by, expires_at)
                        VALUES (:token, :document, :now, :by, :expires)""")
                .param("token", tokenSha256)
                .param("document", documentId)
                .param("now", Timestamp.from(now))
                .param("by", by)
                .param("expires", Timestamp.from(expires))
                .update();
    }

    public Optional<StoredLink> find(String tokenSha256) {
        return jdbc.sql("SELECT document_id, expires_at, revoked_at FROM document_links WHERE token_sha256 = :token")
                .param("token", tokenSha256)
                .query((rs, n) -> new StoredLink(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .optional();
    }

    /** Revokes every open link of the document; answers how many. */
    public int revokeAll(long documentId, Instant now) {
        return jdbc.sql("""
                        UPDATE document_links SET revoked_at = :now
                        WHERE document_id = :document AND revoked_at IS NULL AND expires_at > :now""")
                .param("document", documentId)
                .param("now", Timestamp.from(now))
                .update();
    }
}
