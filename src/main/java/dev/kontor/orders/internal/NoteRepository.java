package dev.kontor.orders.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import dev.kontor.orders.NoteKind;
import dev.kontor.orders.OrderNote;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notes on orders. */
@Repository
public class NoteRepository {

    private final JdbcClient jdbc;

    NoteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public OrderNote insert(long orderId, NoteKind kind, String body, Long authorId, String authorName, Instant now) {
        long id = jdbc.sql("""
                        INSERT INTO order_notes (order_id, kind, body, author_id, author_name, created_at)
                        VALUES (:order, :kind, :body, :authorId, :authorName, :now) RETURNING id""")
                .param("order", orderId)
                .param("kind", kind.name())
                .param("body", body)
                .param("authorId", authorId)
                .param("authorName", authorName)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
        return new OrderNote(id, orderId, kind, body, authorName, now);
    }

    /** The notes of this kind on these orders, oldest first, in one query. */
    public List<OrderNote> findByOrders(Collection<Long> orderIds, Collection<NoteKind> kinds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT id, order_id, kind, body, author_name, created_at FROM order_notes
                        WHERE order_id IN (:ids) AND kind IN (:kinds) ORDER BY id""")
                .param("ids", orderIds)
                .param("kinds", kinds.stream().map(NoteKind::name).toList())
                .query(NoteRepository::map)
                .list();
    }

    public List<OrderNote> findByOrder(long orderId) {
        return jdbc.sql("""
                        SELECT id, order_id, kind, body, author_name, created_at FROM order_notes
                        WHERE order_id = :order ORDER BY id DESC""").param("order", orderId).query(NoteRepository::map).list();
    }

    private static OrderNote map(ResultSet rs, int n) throws SQLException {
        return new OrderNote(
                rs.getLong(1),
                rs.getLong(2),
                NoteKind.valueOf(rs.getString(3)),
                rs.getString(4),
                rs.getString(5),
                rs.getTimestamp(6).toInstant());
    }
}
