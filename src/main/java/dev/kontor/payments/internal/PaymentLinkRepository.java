package dev.kontor.payments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.kontor.payments.PaymentLink;
import dev.kontor.payments.PaymentLinkStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Invoice links. */
@Repository
public class PaymentLinkRepository {

    private final JdbcClient jdbc;

    PaymentLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PaymentLink insert(
            long orderId, String token, Instant expiresAt, String language, String byName, Instant now) {
        long id = jdbc.sql("""
                        INSERT INTO payment_links (order_id, token, status, expires_at, language, created_by_name,
                            created_at)
                        VALUES (:order, :token, 'OPEN', :expires, :language, :by, :now) RETURNING id""")
                .param("order", orderId)
                .param("token", token)
                .param("expires", Timestamp.from(expiresAt))
                .param("language", language)
                .param("by", byName)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
        return findById(id).orElseThrow();
    }

    public Optional<PaymentLink> findById(long id) {
        return jdbc.sql("SELECT * FROM payment_links WHERE id = :id")
                .param("id", id)
                .query(PaymentLinkRepository::map)
                .optional();
    }

    public Optional<PaymentLink> findByToken(String token) {
        return jdbc.sql("SELECT * FROM payment_links WHERE token = :token")
                .param("token", token)
                .query(PaymentLinkRepository::map)
                .optional();
    }

    /** Locks the link until the transaction ends: one checkout at a time per link. */
    public Optional<PaymentLink> lockByToken(String token) {
        return jdbc.sql("SELECT * FROM payment_links WHERE token = :token FOR UPDATE")
                .param("token", token)
                .query(PaymentLinkRepository::map)
                .optional();
    }

    /** The order's open link (expired or not), if it has one. */
    public Optional<PaymentLink> openOf(long orderId) {
        return jdbc.sql("SELECT * FROM payment_links WHERE order_id = :order AND status = 'OPEN'")
                .param("order", orderId)
                .query(PaymentLinkRepository::map)
                .optional();
    }

    /** The open links of any of these orders, in one query. */
    public List<PaymentLink> openOfAny(Collection<Long> orderIds) {
        return jdbc.sql("SELECT * FROM payment_links WHERE order_id = ANY(:orders) AND status = 'OPEN'")
                .param("orders", orderIds.toArray(Long[]::new))
                .query(PaymentLinkRepository::map)
                .list();
    }

    /** The order's latest link, whatever its state. */
    public Optional<PaymentLink> latestOf(long orderId) {
        return jdbc.sql("SELECT * FROM payment_links WHERE order_id = :order ORDER BY id DESC LIMIT 1")
                .param("order", orderId)
                .query(PaymentLinkRepository::map)
                .optional();
    }

    public void chooseShipping(long id, String method) {
        jdbc.sql("UPDATE payment_links SET shipping_method = :method WHERE id = :id")
                .param("method", method)
                .param("id", id)
                .update();
    }

    public void close(long id, PaymentLinkStatus status, String reason, Instant now) {
        jdbc.sql("""
                        UPDATE payment_links SET status = :status, closed_reason = :reason, closed_at = :now
                        WHERE id = :id""")
                .param("status", status.name())
                .param("reason", reason)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    private static PaymentLink map(ResultSet rs, int n) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new PaymentLink(
                rs.getLong("id"),
                rs.getLong("order_id"),
                rs.getString("token"),
                PaymentLinkStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("expires_at").toInstant(),
                rs.getString("language"),
                rs.getString("created_by_name"),
                rs.getTimestamp("created_at").toInstant(),
                closed == null ? null : closed.toInstant(),
                rs.getString("closed_reason"));
    }
}
