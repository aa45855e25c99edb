package dev.kontor.orders.internal;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.kontor.orders.Order;
import dev.kontor.orders.OrderContent;
import dev.kontor.orders.OrderLine;
import dev.kontor.orders.Totals;
import dev.kontor.shared.ShopSettings;
import dev.kontor.shared.StaleVersionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores and loads one whole order: its row, its lines and its observers; a write refuses a stale version. Many
 * orders at once: {@link OrderBatches}.
 */
@Repository
public class OrderRepository {

    private final JdbcClient jdbc;
    private final OrderRows rows;

    OrderRepository(JdbcClient jdbc, JsonMapper json, ShopSettings shop) {
        this.jdbc = jdbc;
        this.rows = new OrderRows(json, shop.timeZone());
    }

    /**
     * Why an order is flagged: the blacklisted customer whose mark caught it, and the mark's reason.
     *
     * @param byCustomer the customer whose mark it is (not always the order's: an e-mail or address can match)
     */
    public record Flag(long byCustomer, String reason) {}

    /** Why the order is flagged, if it is. */
    public Optional<String> flagReason(long id) {
        return jdbc.sql("SELECT flag_reason FROM orders WHERE id = :id AND flagged")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    /** The carrier the order is planned to go with (from the customer's shipping method); not versioned content. */
    public Optional<String> plannedCarrier(long id) {
        return jdbc.sql("SELECT planned_carrier FROM orders WHERE id = :id AND planned_carrier IS NOT NULL")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    public void planCarrier(long id, String carrier) {
        jdbc.sql("UPDATE orders SET planned_carrier = :carrier WHERE id = :id")
                .param("carrier", carrier)
                .param("id", id)
                .update();
    }

    /** Inserts a new order with its lines and observers; returns it as stored, with its ids. */
    public Order insert(Order order) {
        return insert(order, null);
    }

    /**
     * Inserts a new order with its lines and observers, flagged when a blacklist mark caught it ({@code flag} not
     * null); returns it as stored, with its ids.
     */
    public Order insert(Order order, Flag flag) {
        OrderContent c = order.content();
        Totals t = order.totals();
        long id = jdbc.sql("""
                        INSERT INTO orders (number, channel, external_id, customer_id, customer_name, email, phone,
                            billing_address, shipping_address, currency, prices_include_tax, subtotal, shipping, discount,
                            tax, total, payment_method, lifecycle, held_from, hold_reason, payment_status, fulfilment_status,
                            paid, refunded, pending, tags, responsible_id, placed_at, created_at, updated_at, updated_by,
                            payment_terms, due_on, flagged, flagged_by_customer, flag_reason, approved_at, custom_fields)
                        VALUES (:number, :channel, :externalId, :customerId, :customerName, :email, :phone,
                            :billing::jsonb, :shippingAddress::jsonb, :currency, :pricesIncludeTax, :subtotal, :shipping,
                            :discount, :tax, :total, :paymentMethod, :lifecycle, :heldFrom, :holdReason, :paymentStatus,
                            :fulfilmentStatus, :paid, :refunded, :pending, :tags, :responsibleId, :placedAt, :createdAt,
                            :updatedAt, :updatedBy, :paymentTerms, :dueOn, :flagged, :flaggedBy, :flagReason,
                            CASE WHEN :lifecycle = 'APPROVED' THEN CAST(:createdAt AS TIMESTAMPTZ) END,
                            CAST(:customFields AS JSONB))
                        RETURNING id""")
                .params(rows.columns(order))
                .param("channel", order.channel())
                .param("externalId", order.externalId())
                .param("placedAt", Timestamp.from(order.placedAt()))
                .param("createdAt", Timestamp.from(order.createdAt()))
                .param("flagged", flag != null)
                .param("flaggedBy", flag == null ? null : flag.byCustomer())
                .param("flagReason", flag == null ? null : flag.reason())
                .query(Long.class)
                .single();
        List<OrderLine> lines = insertLines(id, c.lines());
        insertObservers(id, c.observerIds());
        return order.asStored(id, lines, c.observerIds(), 0);
    }

    /**
     * Writes {@code after} if nobody changed the order since {@code before} was read; otherwise nothing is
     * written and the caller learns who changed it. Lines and observers are written only where they differ.
     * Returns the order as stored, at its new version.
     */
    public Order update(Order before, Order after) {
        OrderContent c = after.content();
        Optional<Integer> version = jdbc.sql("""
                        UPDATE orders SET number = :number, customer_id = :customerId, customer_name = :customerName,
                            email = :email, phone = :phone, billing_address = :billing::jsonb,
                            shipping_address = :shippingAddress::jsonb, currency = :currency,
                            prices_include_tax = :pricesIncludeTax, subtotal = :subtotal, shipping = :shipping,
                            discount = :discount, tax = :tax, total = :total, payment_method = :paymentMethod,
                            lifecycle = :lifecycle, held_from = :heldFrom, hold_reason = :holdReason,
                            payment_status = :paymentStatus, fulfilment_status = :fulfilmentStatus, paid = :paid,
                            refunded = :refunded, pending = :pending, tags = :tags, responsible_id = :responsibleId,
                            updated_at = :updatedAt, updated_by = :updatedBy, payment_terms = :paymentTerms,
                            delivered_at = :deliveredAt, received_at = :receivedAt, received_by = :receivedBy,
                            approved_at = CASE WHEN :lifecycle = 'APPROVED'
                                THEN coalesce(approved_at, CAST(:updatedAt AS TIMESTAMPTZ)) ELSE approved_at END,
                            due_on = :dueOn, custom_fields = CAST(:customFields AS JSONB), version = version + 1
                        WHERE id = :id AND version = :version
                        RETURNING version""")
                .params(rows.columns(after))
                .param("id", before.id())
                .param("version", before.version())
                .query(Integer.class)
                .optional();
        if (version.isEmpty()) {
            throw stale(jdbc, before.id());
        }
        List<OrderLine> lines = syncLines(before.id(), before.lines(), c.lines());
        if (!before.content().observerIds().equals(c.observerIds())) {
            jdbc.sql("DELETE FROM order_observers WHERE order_id = :id")
                    .param("id", before.id())
                    .update();
            insertObservers(before.id(), c.observerIds());
        }
        return after.asStored(before.id(), lines, c.observerIds(), version.get());
    }

    /** New lines (no id) inserted in one statement, changed ones updated, removed ones deleted. */
    private List<OrderLine> syncLines(long orderId, List<OrderLine> stored, List<OrderLine> lines) {
        Set<Long> kept = new HashSet<>();
        List<OrderLine> fresh = new ArrayList<>();
        for (OrderLine line : lines) {
            if (line.id() == null) {
                fresh.add(line);
                continue;
            }
            kept.add(line.id());
            if (!stored.contains(line)) {
                jdbc.sql("""
                                UPDATE order_lines SET position = :position, sku = :sku, name = :name,
                                    attributes = :attributes::json, unit_price = :unitPrice, quantity = :quantity,
                                    discount = :discount, tax_rate = :taxRate, line_total = :total,
                                    shipped_quantity = :shipped, returned_quantity = :returned
                                WHERE id = :id AND order_id = :order""")
                        .params(rows.lineColumns(line, ""))
                        .param("id", line.id())
                        .param("order", orderId)
                        .update();
            }
        }
        for (OrderLine old : stored) {
            if (!kept.contains(old.id())) {
                jdbc.sql("DELETE FROM order_lines WHERE id = :id")
                        .param("id", old.id())
                        .update();
            }
        }
        if (fresh.isEmpty()) {
            return lines;
        }
        Map<Integer, OrderLine> inserted = new HashMap<>();
        insertLines(orderId, fresh).forEach(l -> inserted.put(l.position(), l));
        return lines.stream()
                .map(l -> l.id() == null ? inserted.get(l.position()) : l)
                .toList();
    }

    /** Inserts lines in one statement; returns them with their ids. Positions are unique within an order. */
    private List<OrderLine> insertLines(long orderId, List<OrderLine> lines) {
        if (lines.isEmpty()) {
            return lines;
        }
        StringBuilder sql = new StringBuilder("""
                INSERT INTO order_lines (order_id, position, sku, name, attributes, unit_price, quantity, discount,
                    tax_rate, line_total, shipped_quantity, returned_quantity) VALUES\s""");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("order", orderId);
        for (int i = 0; i < lines.size(); i++) {
            String n = Integer.toString(i);
            sql.append(i == 0 ? "" : ", ")
                    .append("(:order, :position")
                    .append(n)
                    .append(", :sku")
                    .append(n)
                    .append(", :name")
                    .append(n)
                    .append(", :attributes")
                    .append(n)
                    .append("::json, :unitPrice")
                    .append(n)
                    .append(", :quantity")
                    .append(n)
                    .append(", :discount")
                    .append(n)
                    .append(", :taxRate")
                    .append(n)
                    .append(", :total")
                    .append(n)
                    .append(", :shipped")
                    .append(n)
                    .append(", :returned")
                    .append(n)
                    .append(')');
            params.putAll(rows.lineColumns(lines.get(i), n));
        }
        sql.append(" RETURNING id, position");
        Map<Integer, Long> ids = new HashMap<>();
        jdbc.sql(sql.toString()).params(params).query((ResultSet rs) -> {
            ids.put(rs.getInt(2), rs.getLong(1));
        });
        return lines.stream().map(l -> l.withId(ids.get(l.position()))).toList();
    }

    private void insertObservers(long orderId, Set<Long> observers) {
        for (Long user : observers) {
            jdbc.sql("INSERT INTO order_observers (order_id, user_id) VALUES (:id, :user) ON CONFLICT DO NOTHING")
                    .param("id", orderId)
                    .param("user", user)
                    .update();
        }
    }

    public Optional<Order> findById(long id) {
        return find(id, "");
    }

    /** Loads the order and locks it until the transaction ends: concurrent changes wait their turn. */
    public Optional<Order> lock(long id) {
        return find(id, " FOR UPDATE");
    }

    /** The order's row with its observers in one statement (a lock takes the order's row only), then its lines. */
    private Optional<Order> find(long id, String lock) {
        return jdbc.sql(OrderRows.WITH_OBSERVERS + " WHERE o.id = :id" + lock)
                .param("id", id)
                .query((rs, n) -> new Stored(rows.order(rs, n), OrderRows.observerIds(rs)))
                .optional()
                .map(row -> row.order()
                        .asStored(
                                id, loadLines(id), row.observers(), row.order().version()));
    }

    private record Stored(Order order, Set<Long> observers) {}

    /** These orders with their observers, then their lines: two statements; unknown ids are left out. */
    public Map<Long, Order> findAllById(Collection<Long> ids) {
        Map<Long, Order> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        Long[] wanted = ids.toArray(Long[]::new);
        Map<Long, List<OrderLine>> lines = new HashMap<>();
        jdbc.sql("SELECT * FROM order_lines WHERE order_id = ANY(:ids) ORDER BY order_id, position, id")
                .param("ids", wanted)
                .query((rs, n) -> lines.computeIfAbsent(rs.getLong("order_id"), k -> new ArrayList<>())
                        .add(rows.line(rs)))
                .list();
        jdbc.sql(OrderRows.WITH_OBSERVERS + " WHERE o.id = ANY(:ids)")
                .param("ids", wanted)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    Order o = rows.order(rs, n);
                    return found.put(
                            id,
                            o.asStored(id, lines.getOrDefault(id, List.of()), OrderRows.observerIds(rs), o.version()));
                })
                .list();
        return found;
    }

    public Optional<Long> findIdByNumber(String number) {
        return jdbc.sql("SELECT id FROM orders WHERE number = :number")
                .param("number", number)
                .query(Long.class)
                .optional();
    }

    public Optional<Long> findIdByExternalId(String channel, String externalId) {
        return jdbc.sql("SELECT id FROM orders WHERE channel = :channel AND external_id = :externalId")
                .param("channel", channel)
                .param("externalId", externalId)
                .query(Long.class)
                .optional();
    }

    /** Of these marketplace order ids of one channel, those Kontor has: external id → order id. */
    public Map<String, Long> idsByExternalId(String channel, Collection<String> externalIds) {
        Map<String, Long> found = new HashMap<>();
        if (externalIds.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT external_id, id FROM orders WHERE channel = :channel AND external_id = ANY(:ids)")
                .param("channel", channel)
                .param("ids", externalIds.toArray(String[]::new))
                .query((rs, n) -> found.put(rs.getString(1), rs.getLong(2)))
                .list();
        return found;
    }

    /** Of these marketplace order ids of one channel, those Kontor has: external id → order number. */
    public Map<String, String> numbersByExternalId(String channel, Collection<String> externalIds) {
        Map<String, String> found = new HashMap<>();
        if (externalIds.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT external_id, number FROM orders WHERE channel = :channel AND external_id = ANY(:ids)")
                .param("channel", channel)
                .param("ids", externalIds.toArray(String[]::new))
                .query((rs, n) -> found.put(rs.getString(1), rs.getString(2)))
                .list();
        return found;
    }

    /**
     * Serialises everyone creating the same marketplace order (channel + its order id) until this
     * transaction ends, so the second finds the first's order instead of making another.
     */
    public void lockExternalId(String channel, String externalId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "order:" + channel + ":" + externalId)
                .query((rs, n) -> 1)
                .single();
    }

    /** {@link #lockExternalId} for many marketplace orders of one channel, in one statement (in a fixed order). */
    public void lockExternalIds(String channel, Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0)))
                        FROM (SELECT k FROM unnest(CAST(:keys AS TEXT[])) AS k ORDER BY k) AS sorted""")
                .param(
                        "keys",
                        externalIds.stream()
                                .map(id -> "order:" + channel + ":" + id)
                                .toArray(String[]::new))
                .query(Long.class)
                .single();
    }

    private List<OrderLine> loadLines(long orderId) {
        return jdbc.sql("SELECT * FROM order_lines WHERE order_id = :id ORDER BY position, id")
                .param("id", orderId)
                .query((rs, n) -> rows.line(rs))
                .list();
    }

    /** The reason to refuse a stale write: who changed the order, and its version now. */
    static StaleVersionException stale(JdbcClient jdbc, long id) {
        return jdbc.sql("SELECT version, updated_by FROM orders WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new StaleVersionException("order", id, rs.getInt(1), rs.getString(2)))
                .optional()
                .orElseGet(() -> new StaleVersionException("order", id, -1, "?"));
    }
}
