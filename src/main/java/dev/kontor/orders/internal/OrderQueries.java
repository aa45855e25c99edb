package dev.kontor.orders.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.orders.FulfilmentStatus;
import dev.kontor.orders.PaymentStatus;
import dev.kontor.orders.ShippableOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads over many orders that the order's own pages and the warehouse need: what can ship, a customer's counts. */
@Repository
public class OrderQueries {

    private final JdbcClient jdbc;

    OrderQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the warehouse may ship now (see {@link #shippable}). */
    private static final String SHIPPABLE = """
            WHERE o.lifecycle = 'APPROVED' AND o.fulfilment_status IN ('UNFULFILLED', 'PARTIALLY_SHIPPED')
              AND NOT o.flagged
              AND (o.payment_status IN ('PAID', 'PARTIALLY_REFUNDED') OR o.payment_terms <> 'DUE_ON_RECEIPT'
                   OR upper(o.payment_method) IN ('CASH_ON_DELIVERY', 'COD'))
              AND (CAST(:me AS BIGINT) IS NULL OR o.responsible_id = :me OR EXISTS (
                   SELECT 1 FROM order_observers ob WHERE ob.order_id = o.id AND ob.user_id = :me))
            """;

    /** How many orders {@link #shippable} would list, all of them. */
    public long countShippable(Long visibleToUserId) {
        return jdbc.sql("SELECT count(*) FROM orders o " + SHIPPABLE)
                .param("me", visibleToUserId)
                .query(Long.class)
                .single();
    }

    /**
     * Approved, not held, something left to ship, and the money settled or not needed first: paid, or terms that
     * allow paying later, or cash on delivery. Oldest first. (Whether the stock is there is the catalog's to say.)
     */
    public List<ShippableOrder> shippable(Long visibleToUserId, int limit) {
        return jdbc.sql("""
                        SELECT o.id, o.number, o.channel, o.customer_name, o.placed_at, o.payment_status,
                               o.fulfilment_status, o.payment_method, o.planned_carrier,
                               (SELECT coalesce(sum(l.quantity - l.shipped_quantity), 0) FROM order_lines l
                                WHERE l.order_id = o.id) AS open_units,
                               concat_ws(', ', o.shipping_address ->> 'city', o.shipping_address ->> 'country') AS destination
                        FROM orders o
                        """ + SHIPPABLE + """
                        ORDER BY o.placed_at, o.id LIMIT :limit""")
                .param("me", visibleToUserId)
                .param("limit", limit)
                .query((rs, n) -> new ShippableOrder(
                        rs.getLong("id"),
                        rs.getString("number"),
                        rs.getString("channel"),
                        rs.getString("customer_name"),
                        rs.getTimestamp("placed_at").toInstant(),
                        PaymentStatus.valueOf(rs.getString("payment_status")),
                        FulfilmentStatus.valueOf(rs.getString("fulfilment_status")),
                        rs.getString("payment_method"),
                        rs.getString("planned_carrier"),
                        rs.getInt("open_units"),
                        rs.getString("destination")))
                .list();
    }

    /** How many orders one customer placed, by what became of them (deleted drafts not counted). */
    public Map<String, Long> customerCounts(long customerId, Long visibleToUserId) {
        return jdbc.sql("""
                        SELECT count(*) AS all_orders,
                               count(*) FILTER (WHERE o.payment_status IN ('PAID', 'PARTIALLY_REFUNDED')) AS paid,
                               count(*) FILTER (WHERE o.fulfilment_status IN ('SHIPPED', 'DELIVERED', 'PARTIALLY_RETURNED',
                                                                            'RETURNED')) AS shipped,
                               count(*) FILTER (WHERE o.payment_status IN ('REFUNDED', 'PARTIALLY_REFUNDED')) AS refunded,
                               count(*) FILTER (WHERE o.lifecycle = 'CANCELLED') AS cancelled,
                               count(*) FILTER (WHERE o.flagged) AS flagged
                        FROM orders o WHERE o.customer_id = :customer AND o.lifecycle <> 'DELETED'
                          AND (CAST(:me AS BIGINT) IS NULL OR o.responsible_id = :me OR EXISTS (
                               SELECT 1 FROM order_observers ob WHERE ob.order_id = o.id AND ob.user_id = :me))""")
                .param("customer", customerId)
                .param("me", visibleToUserId)
                .query((rs, n) -> {
                    Map<String, Long> counts = new LinkedHashMap<>();
                    for (String column : List.of("all_orders", "paid", "shipped", "refunded", "cancelled", "flagged")) {
                        counts.put(column, rs.getLong(column));
                    }
                    return counts;
                })
                .single();
    }

    /** The ids of one customer's latest orders this user may see (all of them with {@code null}), newest first. */
    public List<Long> latestOfCustomer(long customerId, Long visibleToUserId, int limit) {
        return jdbc.sql("""
                        SELECT o.id FROM orders o WHERE o.customer_id = :customer AND o.lifecycle <> 'DELETED'
                          AND (CAST(:me AS BIGINT) IS NULL OR o.responsible_id = :me OR EXISTS (
                               SELECT 1 FROM order_observers ob WHERE ob.order_id = o.id AND ob.user_id = :me))
                        ORDER BY o.placed_at DESC, o.id DESC LIMIT :limit""")
                .param("customer", customerId)
                .param("me", visibleToUserId)
                .param("limit", limit)
                .query(Long.class)
                .list();
    }
}
