package dev.kontor.orders.internal;

import java.sql.ResultSet;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import dev.kontor.orders.Order;
import dev.kontor.orders.OrderLine;
import dev.kontor.shared.ShopSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Many orders at once, in a few statements however many there are: approving a batch of a bulk job locks them with
 * {@link #lockAll} and writes their new state with {@link #updateStates}.
 */
@Repository
public class OrderBatches {

    private final JdbcClient jdbc;
    private final OrderRows rows;
    private final ZoneId zone;
    private final JsonMapper json;

    OrderBatches(JdbcClient jdbc, JsonMapper json, ShopSettings shop) {
        this.jdbc = jdbc;
        this.json = json;
        this.zone = shop.timeZone();
        this.rows = new OrderRows(json, zone);
    }

    /**
     * Loads and locks these orders (those that exist), in id order so that two callers locking overlapping sets
     * cannot deadlock, with their observers, then their lines: two statements however many orders (the lock takes
     * the orders' rows only).
     */
    public List<Order> lockAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Long[] wanted = ids.toArray(Long[]::new);
        Map<Long, Set<Long>> observers = new HashMap<>();
        List<Order> found = jdbc.sql(OrderRows.WITH_OBSERVERS + " WHERE o.id = ANY(:ids) ORDER BY o.id FOR UPDATE OF o")
                .param("ids", wanted)
                .query((rs, n) -> {
                    observers.put(rs.getLong("id"), OrderRows.observerIds(rs));
                    return rows.order(rs, n);
                })
                .list();
        Map<Long, List<OrderLine>> lines = new HashMap<>();
        jdbc.sql("SELECT * FROM order_lines WHERE order_id = ANY(:ids) ORDER BY order_id, position, id")
                .param("ids", wanted)
                .query((ResultSet rs) -> {
                    lines.computeIfAbsent(rs.getLong("order_id"), k -> new ArrayList<>())
                            .add(rows.line(rs));
                });
        return found.stream()
                .map(o -> o.asStored(
                        o.id(),
                        lines.getOrDefault(o.id(), List.of()),
                        observers.getOrDefault(o.id(), Set.of()),
                        o.version()))
                .toList();
    }

    /**
     * Inserts new orders with their lines, flagged where a blacklist mark caught them ({@code flags}, null where
     * none did), in two statements however many; returns them as stored, with their ids, in the order given. Orders
     * with observers are not for this (none is placed in bulk with observers).
     */
    public List<Order> insertAll(List<Order> orders, List<OrderRepository.Flag> flags) {
        if (orders.isEmpty()) {
            return List.of();
        }
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("""
                        INSERT INTO orders (number, channel, external_id, customer_id, customer_name, email, phone,
                            billing_address, shipping_address, currency, prices_include_tax, subtotal, shipping, discount,
                            tax, total, payment_method, lifecycle, held_from, hold_reason, payment_status, fulfilment_status,
                            paid, refunded, pending, tags, responsible_id, placed_at, created_at, updated_at, updated_by,
                            payment_terms, due_on, flagged, flagged_by_customer, flag_reason, approved_at, custom_fields)
                        SELECT number, channel, external_id, customer_id, customer_name, email, phone,
                            CAST(billing AS JSONB), CAST(shipping_address AS JSONB), currency, prices_include_tax,
                            subtotal, shipping, discount, tax, total, payment_method, lifecycle, held_from, hold_reason,
                            payment_status, fulfilment_status, paid, refunded, pending,
                            ARRAY(SELECT jsonb_array_elements_text(CAST(tags AS JSONB))), responsible_id,
                            CAST(placed_at AS TIMESTAMPTZ), CAST(created_at AS TIMESTAMPTZ),
                            CAST(updated_at AS TIMESTAMPTZ), updated_by, payment_terms, CAST(due_on AS DATE),
                            flagged_by IS NOT NULL, flagged_by, flag_reason,
                            CASE WHEN lifecycle = 'APPROVED' THEN CAST(created_at AS TIMESTAMPTZ) END,
                            CAST(custom_fields AS JSONB)
                        FROM unnest(CAST(:number AS TEXT[]), CAST(:channel AS TEXT[]), CAST(:externalId AS TEXT[]),
                                    CAST(:customerId AS BIGINT[]), CAST(:customerName AS TEXT[]), CAST(:email AS TEXT[]),
                                    CAST(:phone AS TEXT[]), CAST(:billing AS TEXT[]), CAST(:shippingAddress AS TEXT[]),
                                    CAST(:currency AS TEXT[]), CAST(:pricesIncludeTax AS BOOLEAN[]),
                                    CAST(:subtotal AS BIGINT[]), CAST(:shipping AS BIGINT[]), CAST(:discount AS BIGINT[]),
                                    CAST(:tax AS BIGINT[]), CAST(:total AS BIGINT[]), CAST(:paymentMethod AS TEXT[]),
                                    CAST(:lifecycle AS TEXT[]), CAST(:heldFrom AS TEXT[]), CAST(:holdReason AS TEXT[]),
                                    CAST(:paymentStatus AS TEXT[]), CAST(:fulfilmentStatus AS TEXT[]),
                                    CAST(:paid AS BIGINT[]), CAST(:refunded AS BIGINT[]), CAST(:pending AS BIGINT[]),
                                    CAST(:tags AS TEXT[]), CAST(:responsibleId AS BIGINT[]), CAST(:placedAt AS TEXT[]),
                                    CAST(:createdAt AS TEXT[]), CAST(:updatedAt AS TEXT[]), CAST(:updatedBy AS TEXT[]),
                                    CAST(:paymentTerms AS TEXT[]), CAST(:dueOn AS TEXT[]), CAST(:flaggedBy AS BIGINT[]),
                                    CAST(:flagReason AS TEXT[]), CAST(:customFields AS TEXT[]))
                            WITH ORDINALITY AS o (number, channel, external_id, customer_id, customer_name, email, phone,
                                billing, shipping_address, currency, prices_include_tax, subtotal, shipping, discount,
                                tax, total, payment_method, lifecycle, held_from, hold_reason, payment_status,
                                fulfilment_status, paid, refunded, pending, tags, responsible_id, placed_at, created_at,
                                updated_at, updated_by, payment_terms, due_on, flagged_by, flag_reason, custom_fields, n)
                        ORDER BY n
                        RETURNING id, number""").params(orderColumns(orders, flags)).query((ResultSet rs) -> {
            ids.put(rs.getString(2), rs.getLong(1));
        });
        Map<Long, List<OrderLine>> lines = insertLines(orders, ids);
        List<Order> stored = new ArrayList<>(orders.size());
        for (Order order : orders) {
            if (!order.content().observerIds().isEmpty()) {
                throw new IllegalArgumentException("insertAll writes no observers; order " + order.number() + " has");
            }
            long id = ids.get(order.number());
            stored.add(order.asStored(id, lines.getOrDefault(id, List.of()), Set.of(), 0));
        }
        return stored;
    }

    /** The columns of {@code orders} as one array each, in the order of {@code orders}. */
    private Map<String, Object> orderColumns(List<Order> orders, List<OrderRepository.Flag> flags) {
        int n = orders.size();
        Map<String, Object[]> columns = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Order order = orders.get(i);
            Map<String, Object> row = rows.columns(order);
            row.put("channel", order.channel());
            row.put("externalId", order.externalId());
            row.put("placedAt", order.placedAt().toString());
            row.put("createdAt", order.createdAt().toString());
            row.put("updatedAt", order.updatedAt().toString());
            row.put("dueOn", row.get("dueOn") == null ? null : row.get("dueOn").toString());
            row.put("tags", json.writeValueAsString(order.content().tags()));
            row.remove("deliveredAt");
            row.remove("receivedAt"); // a new order is not received yet
            row.remove("receivedBy");
            OrderRepository.Flag flag = flags.get(i);
            row.put("flaggedBy", flag == null ? null : flag.byCustomer());
            row.put("flagReason", flag == null ? null : flag.reason());
            for (Map.Entry<String, Object> e : row.entrySet()) {
                columns.computeIfAbsent(e.getKey(), k -> new Object[n])[i] = e.getValue();
            }
        }
        Map<String, Object> params = new LinkedHashMap<>();
        columns.forEach((name, values) -> params.put(name, typed(values)));
        return params;
    }

    /** An array of one column's values as the driver binds it: its values' own type. */
    private static Object typed(Object[] values) {
        Class<?> type = Arrays.stream(values)
                .filter(Objects::nonNull)
                .findFirst()
                .map(Object::getClass)
                .orElse(null);
        if (type == Long.class) {
            return Arrays.copyOf(values, values.length, Long[].class);
        }
        if (type == Boolean.class) {
            return Arrays.copyOf(values, values.length, Boolean[].class);
        }
        if (type == Integer.class) {
            return Arrays.copyOf(values, values.length, Integer[].class);
        }
        return Arrays.stream(values).map(v -> v == null ? null : v.toString()).toArray(String[]::new);
    }

    /** Every new order's lines in one statement; answers them with their ids, by order id. */
    private Map<Long, List<OrderLine>> insertLines(List<Order> orders, Map<String, Long> ids) {
        List<Long> owners = new ArrayList<>();
        List<OrderLine> lines = new ArrayList<>();
        for (Order order : orders) {
            for (OrderLine line : order.content().lines()) {
                owners.add(ids.get(order.number()));
                lines.add(line);
            }
        }
        Map<Long, List<OrderLine>> stored = new HashMap<>();
        if (lines.isEmpty()) {
            return stored;
        }
        Map<Long, Map<Integer, Long>> lineIds = new HashMap<>();
        jdbc.sql("""
                        INSERT INTO order_lines (order_id, position, sku, name, attributes, unit_price, quantity, discount,
                            tax_rate, line_total, shipped_quantity, returned_quantity)
                        SELECT order_id, position, sku, name, CAST(attributes AS JSON), unit_price, quantity, discount,
                            tax_rate, line_total, shipped, returned
                        FROM unnest(CAST(:owners AS BIGINT[]), CAST(:positions AS INT[]), CAST(:skus AS TEXT[]),
                                    CAST(:names AS TEXT[]), CAST(:attributes AS TEXT[]), CAST(:prices AS BIGINT[]),
                                    CAST(:quantities AS INT[]), CAST(:discounts AS BIGINT[]), CAST(:taxRates AS INT[]),
                                    CAST(:totals AS BIGINT[]), CAST(:shipped AS INT[]), CAST(:returned AS INT[]))
                            WITH ORDINALITY AS l (order_id, position, sku, name, attributes, unit_price, quantity,
                                discount, tax_rate, line_total, shipped, returned, n)
                        ORDER BY n
                        RETURNING id, order_id, position""")
                .param("owners", owners.toArray(Long[]::new))
                .param("positions", lines.stream().map(OrderLine::position).toArray(Integer[]::new))
                .param("skus", lines.stream().map(OrderLine::sku).toArray(String[]::new))
                .param("names", lines.stream().map(OrderLine::name).toArray(String[]::new))
                .param(
                        "attributes",
                        lines.stream()
                                .map(l -> json.writeValueAsString(l.attributes()))
                                .toArray(String[]::new))
                .param("prices", lines.stream().map(OrderLine::unitPrice).toArray(Long[]::new))
                .param("quantities", lines.stream().map(OrderLine::quantity).toArray(Integer[]::new))
                .param("discounts", lines.stream().map(OrderLine::discount).toArray(Long[]::new))
                .param("taxRates", lines.stream().map(OrderLine::taxRate).toArray(Integer[]::new))
                .param("totals", lines.stream().map(OrderLine::total).toArray(Long[]::new))
                .param("shipped", lines.stream().map(OrderLine::shippedQuantity).toArray(Integer[]::new))
                .param(
                        "returned",
                        lines.stream().map(OrderLine::returnedQuantity).toArray(Integer[]::new))
                .query((ResultSet rs) -> {
                    lineIds.computeIfAbsent(rs.getLong(2), k -> new HashMap<>()).put(rs.getInt(3), rs.getLong(1));
                });
        for (int i = 0; i < lines.size(); i++) {
            long order = owners.get(i);
            OrderLine line = lines.get(i);
            stored.computeIfAbsent(order, k -> new ArrayList<>())
                    .add(line.withId(lineIds.get(order).get(line.position())));
        }
        return stored;
    }

    /**
     * Writes what a lifecycle action or a payment changes — the state, the hold, the sums paid, refunded and pending,
     * the statuses derived from them, the due date, who and when — for many orders whose content did not change, in one statement. Each must still be at the
     * version it was read at, which holds for orders locked by {@link #lockAll}. Returns them as stored.
     */
    public List<Order> updateStates(List<Order> befores, List<Order> afters) {
        if (befores.isEmpty()) {
            return List.of();
        }
        for (int i = 0; i < befores.size(); i++) {
            Order before = befores.get(i);
            if (!before.content().equals(afters.get(i).content())
                    || !Objects.equals(before.number(), afters.get(i).number())) {
                throw new IllegalArgumentException(
                        "updateStates writes the state only; order " + before.id() + " changed its content");
            }
        }
        Long[] ids = befores.stream().map(Order::id).toArray(Long[]::new);
        Integer[] versions = befores.stream().map(Order::version).toArray(Integer[]::new);
        Set<Long> written = new HashSet<>(jdbc.sql("""
                        UPDATE orders o SET lifecycle = v.lifecycle, held_from = v.held_from, hold_reason = v.hold_reason,
                            payment_status = v.payment_status, fulfilment_status = v.fulfilment_status,
                            paid = v.paid, refunded = v.refunded, pending = v.pending, updated_at = CAST(v.updated_at AS TIMESTAMPTZ), updated_by = v.updated_by,
                            due_on = CAST(v.due_on AS DATE), delivered_at = CAST(v.delivered_at AS TIMESTAMPTZ),
                            approved_at = CASE WHEN v.lifecycle = 'APPROVED'
                                THEN coalesce(o.approved_at, CAST(v.updated_at AS TIMESTAMPTZ)) ELSE o.approved_at END,
                            version = o.version + 1
                        FROM unnest(CAST(:ids AS BIGINT[]), CAST(:versions AS INT[]), CAST(:lifecycle AS TEXT[]),
                                    CAST(:heldFrom AS TEXT[]), CAST(:holdReason AS TEXT[]), CAST(:payment AS TEXT[]),
                                    CAST(:fulfilment AS TEXT[]), CAST(:updatedAt AS TEXT[]), CAST(:updatedBy AS TEXT[]),
                                    CAST(:dueOn AS TEXT[]), CAST(:deliveredAt AS TEXT[]), CAST(:paid AS BIGINT[]),
                                    CAST(:refunded AS BIGINT[]), CAST(:pending AS BIGINT[]))
                            AS v (id, version, lifecycle, held_from, hold_reason, payment_status, fulfilment_status,
                                  updated_at, updated_by, due_on, delivered_at, paid, refunded, pending)
                        WHERE o.id = v.id AND o.version = v.version
                        RETURNING o.id""")
                .param("ids", ids)
                .param("versions", versions)
                .param("lifecycle", column(afters, o -> o.lifecycle().name()))
                .param(
                        "heldFrom",
                        column(
                                afters,
                                o -> o.heldFrom() == null ? null : o.heldFrom().name()))
                .param("holdReason", column(afters, Order::holdReason))
                .param("payment", column(afters, o -> o.paymentStatus().name()))
                .param("fulfilment", column(afters, o -> o.fulfilmentStatus().name()))
                .param("updatedAt", column(afters, o -> o.updatedAt().toString()))
                .param("updatedBy", column(afters, Order::updatedBy))
                .param("paid", afters.stream().map(Order::paid).toArray(Long[]::new))
                .param("refunded", afters.stream().map(Order::refunded).toArray(Long[]::new))
                .param("pending", afters.stream().map(Order::pending).toArray(Long[]::new))
                .param("dueOn", column(afters, o -> o.dueDate(zone).toString()))
                .param(
                        "deliveredAt",
                        column(
                                afters,
                                o -> o.deliveredAt() == null
                                        ? null
                                        : o.deliveredAt().toString()))
                .query(Long.class)
                .list());
        List<Order> stored = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            if (!written.contains(ids[i])) {
                throw OrderRepository.stale(jdbc, ids[i]);
            }
            stored.add(afters.get(i)
                    .asStored(
                            ids[i],
                            befores.get(i).lines(),
                            befores.get(i).content().observerIds(),
                            versions[i] + 1));
        }
        return stored;
    }

    private static String[] column(List<Order> orders, Function<Order, String> value) {
        return orders.stream().map(value).toArray(String[]::new);
    }
}
