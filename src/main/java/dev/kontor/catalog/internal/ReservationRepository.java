package dev.kontor.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.kontor.catalog.Holding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What each order line holds. */
@Repository
public class ReservationRepository {

    private static final String SELECT = """
            SELECT r.*, v.sku FROM reservations r JOIN variants v ON v.id = r.variant_id""";

    private final JdbcClient jdbc;

    ReservationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The order's holdings, locked until the transaction ends. */
    public List<Holding> lockByOrder(long orderId) {
        return jdbc.sql(SELECT + " WHERE r.order_id = :order ORDER BY r.order_line_id FOR UPDATE OF r")
                .param("order", orderId)
                .query(ReservationRepository::holding)
                .list();
    }

    /** The holdings of many orders, locked until the transaction ends. */
    public List<Holding> lockByOrders(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE r.order_id IN (:orders) ORDER BY r.order_id, r.order_line_id FOR UPDATE OF r")
                .param("orders", orderIds)
                .query(ReservationRepository::holding)
                .list();
    }

    public Optional<Holding> lockByLine(long orderLineId) {
        return jdbc.sql(SELECT + " WHERE r.order_line_id = :line FOR UPDATE OF r")
                .param("line", orderLineId)
                .query(ReservationRepository::holding)
                .optional();
    }

    public void save(Holding h, Instant now) {
        jdbc.sql("""
                        INSERT INTO reservations (order_line_id, order_id, order_label, variant_id, location, reserved,
                            backordered, expires_at, created_at)
                        VALUES (:line, :order, :label, :variant, :location, :reserved, :backordered, :expires, :now)
                        ON CONFLICT (order_line_id) DO UPDATE SET order_label = EXCLUDED.order_label,
                            reserved = EXCLUDED.reserved, backordered = EXCLUDED.backordered,
                            expires_at = EXCLUDED.expires_at""")
                .param("line", h.orderLineId())
                .param("order", h.orderId())
                .param("label", h.orderLabel())
                .param("variant", h.variantId())
                .param("location", h.location())
                .param("reserved", h.reserved())
                .param("backordered", h.backordered())
                .param("expires", h.expiresAt() == null ? null : Timestamp.from(h.expiresAt()))
                .param("now", Timestamp.from(now))
                .update();
    }

    public void delete(long orderLineId) {
        jdbc.sql("DELETE FROM reservations WHERE order_line_id = :line")
                .param("line", orderLineId)
                .update();
    }

    /** Backorders waiting at this variant and location, oldest first; rows another transaction holds are skipped. */
    public List<Holding> lockWaitingBackorders(long variantId, String location) {
        return jdbc.sql(SELECT + """
                         WHERE r.variant_id = :v AND r.location = :l AND r.backordered > 0
                        ORDER BY r.created_at, r.order_line_id FOR UPDATE OF r SKIP LOCKED""")
                .param("v", variantId)
                .param("l", location)
                .query(ReservationRepository::holding)
                .list();
    }

    /**
     * Holds whose time is up, locked; rows another instance is already releasing are skipped, so two Kontor
     * instances never release the same hold and none is missed (the other instance's rows are gone or come back).
     */
    public List<Holding> lockExpired(Instant now, int limit) {
        return jdbc.sql(SELECT + """
                         WHERE r.expires_at IS NOT NULL AND r.expires_at <= :now
                        ORDER BY r.expires_at, r.order_line_id LIMIT :limit FOR UPDATE OF r SKIP LOCKED""")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(ReservationRepository::holding)
                .list();
    }

    public List<Holding> byVariant(long variantId) {
        return jdbc.sql(SELECT + " WHERE r.variant_id = :v ORDER BY r.created_at")
                .param("v", variantId)
                .query(ReservationRepository::holding)
                .list();
    }

    /** Which of these orders wait for stock (some line backordered), in one query. */
    public Set<Long> waitingForStock(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(
                jdbc.sql("""
                        SELECT DISTINCT order_id FROM reservations WHERE order_id IN (:ids) AND backordered > 0""").param("ids", orderIds).query(Long.class).list());
    }

    public List<Holding> byOrder(long orderId) {
        return jdbc.sql(SELECT + " WHERE r.order_id = :order ORDER BY r.order_line_id")
                .param("order", orderId)
                .query(ReservationRepository::holding)
                .list();
    }

    private static Holding holding(ResultSet rs, int n) throws SQLException {
        Timestamp expires = rs.getTimestamp("expires_at");
        return new Holding(
                rs.getLong("order_line_id"),
                rs.getLong("order_id"),
                rs.getString("order_label"),
                rs.getLong("variant_id"),
                rs.getString("sku"),
                rs.getString("location"),
                rs.getInt("reserved"),
                rs.getInt("backordered"),
                expires == null ? null : expires.toInstant());
    }
}
