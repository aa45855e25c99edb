package dev.kontor.catalog.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import dev.kontor.catalog.PurchasingNotice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notes to purchasing. */
@Repository
public class PurchasingRepository {

    private final JdbcClient jdbc;

    PurchasingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long variantId, int quantity, String note, String by, Instant now) {
        return jdbc.sql("""
                        INSERT INTO purchasing_notices (variant_id, quantity, note, requested_by, requested_at)
                        VALUES (:v, :q, :note, :by, :now) RETURNING id""")
                .param("v", variantId)
                .param("q", quantity)
                .param("note", note)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    public boolean markDone(long id, String by, Instant now) {
        return jdbc.sql(
                                "UPDATE purchasing_notices SET done_by = :by, done_at = :now WHERE id = :id AND done_at IS NULL")
                        .param("by", by)
                        .param("now", Timestamp.from(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    public List<PurchasingNotice> recent(int limit) {
        return jdbc.sql("""
                        SELECT n.*, v.sku, p.name FROM purchasing_notices n JOIN variants v ON v.id = n.variant_id
                        JOIN products p ON p.id = v.product_id
                        ORDER BY n.done_at IS NOT NULL, n.requested_at DESC LIMIT :limit""")
                .param("limit", limit)
                .query((rs, n) -> {
                    Timestamp done = rs.getTimestamp("done_at");
                    return new PurchasingNotice(
                            rs.getLong("id"),
                            rs.getLong("variant_id"),
                            rs.getString("sku"),
                            rs.getString("name"),
                            rs.getInt("quantity"),
                            rs.getString("note"),
                            rs.getString("requested_by"),
                            rs.getTimestamp("requested_at").toInstant(),
                            rs.getString("done_by"),
                            done == null ? null : done.toInstant());
                })
                .list();
    }
}
