package dev.kontor.payments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.kontor.payments.Payment;
import dev.kontor.payments.PaymentKind;
import dev.kontor.payments.PaymentState;
import dev.kontor.payments.RefundGoods;
import dev.kontor.payments.RefundLine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payment and refund records. */
@Repository
public class PaymentRepository {

    /** What the order's payment status is derived from, in minor units. */
    public record Sums(long paid, long refunded, long pending) {}

    private final JdbcClient jdbc;

    PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(
            long orderId,
            PaymentKind kind,
            PaymentState state,
            long amount,
            String currency,
            String method,
            String reference,
            Instant occurredAt,
            Long byId,
            String byName,
            Instant now) {
        return jdbc.sql("""
                        INSERT INTO payments (order_id, kind, state, amount, currency, method, reference, occurred_at,
                            recorded_by_id, recorded_by_name, created_at)
                        VALUES (:order, :kind, :state, :amount, :currency, :method, :reference, :occurredAt, :byId,
                            :byName, :now) RETURNING id""")
                .param("order", orderId)
                .param("kind", kind.name())
                .param("state", state.name())
                .param("amount", amount)
                .param("currency", currency)
                .param("method", method)
                .param("reference", reference)
                .param("occurredAt", Timestamp.from(occurredAt))
                .param("byId", byId)
                .param("byName", byName)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    /** A payment a customer starts through an invoice link, handled by a provider. */
    public long insertAttempt(
            long orderId,
            long linkId,
            String provider,
            String method,
            long amount,
            String currency,
            String byName,
            Instant now) {
        return jdbc.sql("""
                        INSERT INTO payments (order_id, kind, state, amount, currency, method, occurred_at,
                            recorded_by_name, created_at, link_id, provider)
                        VALUES (:order, 'PAYMENT', 'INITIATED', :amount, :currency, :method, :now, :byName, :now, :link,
                            :provider) RETURNING id""")
                .param("order", orderId)
                .param("amount", amount)
                .param("currency", currency)
                .param("method", method)
                .param("now", Timestamp.from(now))
                .param("byName", byName)
                .param("link", linkId)
                .param("provider", provider)
                .query(Long.class)
                .single();
    }

    /** What the provider said: the new state, its reference, and when to ask again (null: never). */
    public void updateFromProvider(long id, PaymentState state, String reference, Instant nextCheck) {
        jdbc.sql("""
                        UPDATE payments SET state = :state, reference = coalesce(:reference, reference),
                            next_check_at = :next WHERE id = :id""")
                .param("state", state.name())
                .param("reference", reference)
                .param("next", nextCheck == null ? null : Timestamp.from(nextCheck))
                .param("id", id)
                .update();
    }

    /** The payment under way or done through this link, if any (at most one, by a unique index). */
    public Optional<Payment> liveAttempt(long linkId) {
        return jdbc.sql("""
                        SELECT * FROM payments WHERE link_id = :link
                        AND state IN ('INITIATED', 'PENDING', 'UNKNOWN', 'SUCCEEDED')""").param("link", linkId).query(PaymentRepository::map).optional();
    }

    /**
     * Claims payments due for a re-check with their provider, pushing their next check {@code lease} ahead so
     * another instance does not check them at the same time.
     */
    public List<Payment> claimDueChecks(Instant now, Instant lease, int limit) {
        return jdbc.sql("""
                        UPDATE payments SET next_check_at = :lease
                        WHERE id IN (SELECT id FROM payments WHERE next_check_at <= :now
                                       AND state IN ('INITIATED', 'PENDING', 'UNKNOWN')
                                     ORDER BY next_check_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING *""")
                .param("now", Timestamp.from(now))
                .param("lease", Timestamp.from(lease))
                .param("limit", limit)
                .query(PaymentRepository::map)
                .list();
    }

    public Optional<Payment> lock(long id) {
        return jdbc.sql("SELECT * FROM payments WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(PaymentRepository::map)
                .optional();
    }

    /** A refund's lines. */
    public void insertRefundLines(long paymentId, List<RefundLine> lines) {
        for (RefundLine line : lines) {
            jdbc.sql("""
                            INSERT INTO refund_lines (payment_id, order_line_id, quantity, goods)
                            VALUES (:payment, :line, :quantity, :goods)""")
                    .param("payment", paymentId)
                    .param("line", line.orderLineId())
                    .param("quantity", line.quantity())
                    .param("goods", line.goods().name())
                    .update();
        }
    }

    /** Units refunded so far per order line. */
    public Map<Long, Integer> refundedUnits(long orderId) {
        Map<Long, Integer> units = new HashMap<>();
        jdbc.sql("""
                        SELECT r.order_line_id, sum(r.quantity) FROM refund_lines r JOIN payments p ON p.id = r.payment_id
                        WHERE p.order_id = :order AND p.state = 'SUCCEEDED'
                        GROUP BY r.order_line_id""").param("order", orderId).query((ResultSet rs) -> {
            units.put(rs.getLong(1), rs.getInt(2));
        });
        return units;
    }

    /** The lines of an order's refunds, by refund. */
    public Map<Long, List<RefundLine>> refundLines(long orderId) {
        Map<Long, List<RefundLine>> lines = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT r.payment_id, r.order_line_id, r.quantity, r.goods FROM refund_lines r
                        JOIN payments p ON p.id = r.payment_id WHERE p.order_id = :order ORDER BY r.payment_id""").param("order", orderId).query((ResultSet rs) -> {
            lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new RefundLine(rs.getLong(2), rs.getInt(3), RefundGoods.valueOf(rs.getString(4))));
        });
        return lines;
    }

    /** Money carried from one order to another (a split), as a pair of succeeded records. */
    public void insertTransfer(
            long fromOrder,
            String fromNumber,
            long toOrder,
            String toNumber,
            long amount,
            String currency,
            String byName,
            Instant now) {
        for (boolean out : new boolean[] {true, false}) {
            jdbc.sql("""
                            INSERT INTO payments (order_id, kind, state, amount, currency, method, reference, occurred_at,
                                recorded_by_name, created_at)
                            VALUES (:order, :kind, 'SUCCEEDED', :amount, :currency, 'TRANSFER', :reference, :now, :by, :now)""")
                    .param("order", out ? fromOrder : toOrder)
                    .param("kind", out ? "TRANSFER_OUT" : "TRANSFER_IN")
                    .param("amount", amount)
                    .param("currency", currency)
                    .param("reference", out ? toNumber : fromNumber)
                    .param("now", Timestamp.from(now))
                    .param("by", byName)
                    .update();
        }
    }

    public void updateState(long id, PaymentState state) {
        jdbc.sql("""
                        UPDATE payments SET state = :state,
                            next_check_at = CASE WHEN :state IN ('SUCCEEDED', 'FAILED') THEN NULL ELSE next_check_at END
                        WHERE id = :id""").param("state", state.name()).param("id", id).update();
    }

    /** One payment to insert with {@link #insertAll}. */
    public record NewPayment(
            long orderId,
            PaymentKind kind,
            PaymentState state,
            long amount,
            String currency,
            String method,
            String reference,
            Instant occurredAt) {}

    /** Inserts many payments, at most one per order, in one statement; answers their ids by order id. */
    public Map<Long, Long> insertAll(List<NewPayment> payments, Long byId, String byName, Instant now) {
        Map<Long, Long> ids = new HashMap<>();
        if (payments.isEmpty()) {
            return ids;
        }
        jdbc.sql("""
                        INSERT INTO payments (order_id, kind, state, amount, currency, method, reference, occurred_at,
                            recorded_by_id, recorded_by_name, created_at)
                        SELECT order_id, kind, state, amount, currency, method, reference, CAST(occurred_at AS TIMESTAMPTZ),
                            :byId, :byName, :now
                        FROM unnest(CAST(:orders AS BIGINT[]), CAST(:kinds AS TEXT[]), CAST(:states AS TEXT[]),
                                    CAST(:amounts AS BIGINT[]), CAST(:currencies AS TEXT[]), CAST(:methods AS TEXT[]),
                                    CAST(:references AS TEXT[]), CAST(:occurred AS TEXT[]))
                            AS p (order_id, kind, state, amount, currency, method, reference, occurred_at)
                        RETURNING id, order_id""")
                .param("orders", payments.stream().map(NewPayment::orderId).toArray(Long[]::new))
                .param("kinds", payments.stream().map(p -> p.kind().name()).toArray(String[]::new))
                .param("states", payments.stream().map(p -> p.state().name()).toArray(String[]::new))
                .param("amounts", payments.stream().map(NewPayment::amount).toArray(Long[]::new))
                .param("currencies", payments.stream().map(NewPayment::currency).toArray(String[]::new))
                .param("methods", payments.stream().map(NewPayment::method).toArray(String[]::new))
                .param(
                        "references",
                        payments.stream().map(NewPayment::reference).toArray(String[]::new))
                .param(
                        "occurred",
                        payments.stream().map(p -> p.occurredAt().toString()).toArray(String[]::new))
                .param("byId", byId)
                .param("byName", byName)
                .param("now", Timestamp.from(now))
                .query((ResultSet rs) -> {
                    ids.put(rs.getLong(2), rs.getLong(1));
                });
        if (ids.size() != payments.size()) {
            throw new IllegalArgumentException("insertAll takes at most one payment per order");
        }
        return ids;
    }

    /** {@link #sums} of many orders in one statement, by order id (an order without payments: all zero). */
    public Map<Long, Sums> sumsAll(Collection<Long> orderIds) {
        Map<Long, Sums> sums = new HashMap<>();
        jdbc.sql("""
                        SELECT order_id,
                               coalesce(sum(amount) FILTER (WHERE kind IN ('PAYMENT', 'TRANSFER_IN') AND state = 'SUCCEEDED'), 0)
                               - coalesce(sum(amount) FILTER (WHERE kind = 'TRANSFER_OUT' AND state = 'SUCCEEDED'), 0),
                               coalesce(sum(amount) FILTER (WHERE kind = 'REFUND' AND state = 'SUCCEEDED'), 0),
                               coalesce(sum(amount) FILTER (WHERE kind = 'PAYMENT'
                                                            AND state IN ('INITIATED', 'PENDING', 'UNKNOWN')), 0)
                        FROM payments WHERE order_id = ANY(:orders) GROUP BY order_id""").param("orders", orderIds.toArray(Long[]::new)).query((ResultSet rs) -> {
            sums.put(rs.getLong(1), new Sums(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
        });
        orderIds.forEach(id -> sums.putIfAbsent(id, new Sums(0, 0, 0)));
        return sums;
    }

    public Sums sums(long orderId) {
        return jdbc.sql("""
                        SELECT coalesce(sum(amount) FILTER (WHERE kind IN ('PAYMENT', 'TRANSFER_IN') AND state = 'SUCCEEDED'), 0)
                               - coalesce(sum(amount) FILTER (WHERE kind = 'TRANSFER_OUT' AND state = 'SUCCEEDED'), 0),
                               coalesce(sum(amount) FILTER (WHERE kind = 'REFUND' AND state = 'SUCCEEDED'), 0),
                               coalesce(sum(amount) FILTER (WHERE kind = 'PAYMENT'
                                                            AND state IN ('INITIATED', 'PENDING', 'UNKNOWN')), 0)
                        FROM payments WHERE order_id = :order""")
                .param("order", orderId)
                .query((rs, n) -> new Sums(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    public List<Payment> findByOrder(long orderId) {
        return jdbc.sql("SELECT * FROM payments WHERE order_id = :order ORDER BY id")
                .param("order", orderId)
                .query(PaymentRepository::map)
                .list();
    }

    public Optional<Payment> findById(long id) {
        return jdbc.sql("SELECT * FROM payments WHERE id = :id")
                .param("id", id)
                .query(PaymentRepository::map)
                .optional();
    }

    private static Payment map(ResultSet rs, int n) throws SQLException {
        return new Payment(
                rs.getLong("id"),
                rs.getLong("order_id"),
                PaymentKind.valueOf(rs.getString("kind")),
                PaymentState.valueOf(rs.getString("state")),
                rs.getLong("amount"),
                rs.getString("currency"),
                rs.getString("method"),
                rs.getString("reference"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("recorded_by_name"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("provider"),
                rs.getObject("link_id", Long.class));
    }
}
