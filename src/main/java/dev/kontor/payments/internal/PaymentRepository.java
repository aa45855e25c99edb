package dev.kontor.payments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.kontor.payments.Payment;
import dev.kontor.payments.PaymentKind;
import dev.kontor.payments.PaymentState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payment and refund records. */
@Repository
public class PaymentRepository {

    /** What the order's payment status is derived from, in minor units. */
    public record Sums(long paid, long refunded, long pending) {
    }

    private final JdbcClient jdbc;

    PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long orderId, PaymentKind kind, PaymentState state, long amount, String currency, String method,
                       String reference, Instant occurredAt, Long byId, String byName, Instant now) {
        return jdbc.sql("""
                        INSERT INTO payments (order_id, kind, state, amount, currency, method, reference, occurred_at,
                            recorded_by_id, recorded_by_name, created_at)
                        VALUES (:order, :kind, :state, :amount, :currency, :method, :reference, :occurredAt, :byId,
                            :byName, :now) RETURNING id""")
                .param("order", orderId).param("kind", kind.name()).param("state", state.name())
                .param("amount", amount).param("currency", currency).param("method", method)
                .param("reference", reference).param("occurredAt", Timestamp.from(occurredAt))
                .param("byId", byId).param("byName", byName).param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    public void updateState(long id, PaymentState state) {
        jdbc.sql("UPDATE payments SET state = :state WHERE id = :id").param("state", state.name()).param("id", id).update();
    }

    public Sums sums(long orderId) {
        return jdbc.sql("""
                        SELECT coalesce(sum(amount) FILTER (WHERE kind = 'PAYMENT' AND state = 'SUCCEEDED'), 0),
                               coalesce(sum(amount) FILTER (WHERE kind = 'REFUND' AND state = 'SUCCEEDED'), 0),
                               coalesce(sum(amount) FILTER (WHERE kind = 'PAYMENT'
                                                            AND state IN ('INITIATED', 'PENDING', 'UNKNOWN')), 0)
                        FROM payments WHERE order_id = :order""")
                .param("order", orderId).query((rs, n) -> new Sums(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    public List<Payment> findByOrder(long orderId) {
        return jdbc.sql("SELECT * FROM payments WHERE order_id = :order ORDER BY id").param("order", orderId)
                .query(PaymentRepository::map).list();
    }

    public Optional<Payment> findById(long id) {
        return jdbc.sql("SELECT * FROM payments WHERE id = :id").param("id", id).query(PaymentRepository::map).optional();
    }

    private static Payment map(ResultSet rs, int n) throws SQLException {
        return new Payment(rs.getLong("id"), rs.getLong("order_id"), PaymentKind.valueOf(rs.getString("kind")),
                PaymentState.valueOf(rs.getString("state")), rs.getLong("amount"), rs.getString("currency"),
                rs.getString("method"), rs.getString("reference"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("recorded_by_name"), rs.getTimestamp("created_at").toInstant());
    }
}
