package dev.kontor.imports.internal;

import java.util.Optional;
import java.util.UUID;

import dev.kontor.imports.UploadProgress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of uploads being read ({@code import_uploads}), each its owner's; times are the database's own, as pace is measured, not a business date. */
@Repository
public class UploadProgressRepository {

    private final JdbcClient jdbc;

    UploadProgressRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reading begins; a cancel that came first (while the file was arriving) is kept. */
    public void start(UUID id, long userId, long bytesTotal) {
        jdbc.sql("""
                        INSERT INTO import_uploads (id, user_id, started_at, updated_at, bytes_total, phase)
                        VALUES (:id, :user, clock_timestamp(), clock_timestamp(), :total, 'READING')
                        ON CONFLICT (id) DO UPDATE SET started_at = clock_timestamp(), updated_at = clock_timestamp(), bytes_total = :total,
                            bytes_read = 0, rows_read = 0, phase = 'READING'
                        WHERE import_uploads.user_id = :user""")
                .param("id", id)
                .param("user", userId)
                .param("total", bytesTotal)
                .update();
    }

    /** Writes how far reading is; answers whether the user has cancelled meanwhile. */
    public boolean report(UUID id, String phase, long bytesRead, long rows) {
        return jdbc.sql("""
                        UPDATE import_uploads SET phase = :phase, bytes_read = :bytes, rows_read = :rows,
                            updated_at = clock_timestamp()
                        WHERE id = :id RETURNING cancelled""")
                .param("id", id)
                .param("phase", phase)
                .param("bytes", bytesRead)
                .param("rows", rows)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    public Optional<UploadProgress> find(UUID id, long userId) {
        return jdbc.sql("""
                        SELECT id, phase, bytes_total, bytes_read, rows_read, started_at, updated_at, cancelled
                        FROM import_uploads WHERE id = :id AND user_id = :user""")
                .param("id", id)
                .param("user", userId)
                .query((rs, n) -> new UploadProgress(
                        rs.getObject("id", UUID.class),
                        rs.getString("phase"),
                        rs.getLong("bytes_total"),
                        rs.getLong("bytes_read"),
                        rs.getLong("rows_read"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("updated_at").toInstant(),
                        rs.getBoolean("cancelled")))
                .optional();
    }

    /** Marks the upload cancelled, also one whose reading has not begun (its row is made for it). */
    public void cancel(UUID id, long userId) {
        jdbc.sql("""
                        INSERT INTO import_uploads (id, user_id, started_at, updated_at, cancelled)
                        VALUES (:id, :user, clock_timestamp(), clock_timestamp(), true)
                        ON CONFLICT (id) DO UPDATE SET cancelled = true WHERE import_uploads.user_id = :user""").param("id", id).param("user", userId).update();
    }

    public void delete(UUID id) {
        jdbc.sql("DELETE FROM import_uploads WHERE id = :id").param("id", id).update();
    }

    /** Forgets rows no upload has touched for a day (an instance that died while reading, a cancel never used). */
    public void deleteForgotten() {
        jdbc.sql("DELETE FROM import_uploads WHERE updated_at < clock_timestamp() - interval '1 day'")
                .update();
    }
}
