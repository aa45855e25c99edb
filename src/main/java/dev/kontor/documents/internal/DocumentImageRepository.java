package dev.kontor.documents.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The letterhead's pictures: logo, stamp, signature. */
@Repository
public class DocumentImageRepository {

    private final JdbcClient jdbc;

    DocumentImageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored picture. */
    public record Image(String contentType, byte[] bytes) {}

    public void put(String purpose, String contentType, byte[] bytes, String by, Instant now) {
        jdbc.sql("""
                        INSERT INTO document_images (purpose, content_type, bytes, updated_at, updated_by)
                        VALUES (:purpose, :type, :bytes, :now, :by)
                        ON CONFLICT (purpose) DO UPDATE SET content_type = EXCLUDED.content_type,
                            bytes = EXCLUDED.bytes, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
                .param("purpose", purpose)
                .param("type", contentType)
                .param("bytes", bytes)
                .param("now", Timestamp.from(now))
                .param("by", by)
                .update();
    }

    public void remove(String purpose) {
        jdbc.sql("DELETE FROM document_images WHERE purpose = :purpose")
                .param("purpose", purpose)
                .update();
    }

    public Optional<Image> find(String purpose) {
        return jdbc.sql("SELECT content_type, bytes FROM document_images WHERE purpose = :purpose")
                .param("purpose", purpose)
                .query((rs, n) -> new Image(rs.getString(1), rs.getBytes(2)))
                .optional();
    }

    /** Every picture there is, by purpose. */
    public Map<String, Image> all() {
        return jdbc
                .sql("SELECT purpose, content_type, bytes FROM document_images")
                .query((rs, n) -> Map.entry(rs.getString(1), new Image(rs.getString(2), rs.getBytes(3))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
