package dev.kontor.orders.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.IntFunction;

import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderContent;
import dev.kontor.orders.OrderLine;
import dev.kontor.orders.PaymentTerms;
import dev.kontor.orders.RelatedOrder;
import dev.kontor.orders.Totals;
import dev.kontor.shared.Address;
import dev.kontor.shared.ShopSettings;
import dev.kontor.shared.StaleVersionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores and loads whole orders: the order row, its lines and its observers. */
@Repository
public class OrderRepository {

    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    private final ZoneId zone;

    OrderRepository(JdbcClient jdbc, JsonMapper json, ShopSettings shop) {
        this.jdbc = jdbc;
        this.json = json;
        this.zone = shop.timeZone();
    }

    /**
     * Why an order is flagged: the blacklisted customer whose mark caught it, and the mark's reason.
     *
     * @param byCustomer the customer whose mark it is (not always the order's: an e-mail or address can match)
     */
    public record Flag(long byCustomer, String reason) {}

    /** Flags every order of the customer not flagged yet; returns their ids. */
    public List<Long> flagCustomer(long customerId, String reason) {
        return jdbc.sql("""
                        UPDATE orders SET flagged = TRUE, flagged_by_customer = :customer, flag_reason = :reason
                        WHERE customer_id = :customer AND NOT flagged AND lifecycle <> 'DELETED' RETURNING id""")
                .param("customer", customerId)
                .param("reason", reason)
                .query(Long.class)
                .list();
    }

    /** Clears the flags the customer's marks put on; returns the orders cleared. */
    public List<Long> unflagBy(long customerId) {
        return jdbc.sql("""
                        UPDATE orders SET flagged = FALSE, flagged_by_customer = NULL, flag_reason = NULL
                        WHERE flagged_by_customer = :customer RETURNING id""").param("customer", customerId).query(Long.class).list();
    }

    /** Why the order is flagged, if it is. */
    public Optional<String> flagReason(long id) {
        return jdbc.sql("SELECT flag_reason FROM orders WHERE id = :id AND flagged")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    /**
     * The first number {@code candidate.apply(1, 2, …)} that no order has yet: a child order's number (re-ship
     * {@code RE<number>}, {@code RE<number>-2}; split {@code <number>-OSP1}, {@code -OSP2}). The parent is locked, so
     * its children are numbered one at a time.
     */
    public String firstFreeNumber(IntFunction<String> candidate) {
        for (int n = 1; ; n++) {
            String number = candidate.apply(n);
            if (findIdByNumber(number).isEmpty()) {
                return number;
            }
        }
    }

    public void link(long childId, long parentId, String relation) {
        jdbc.sql("UPDATE orders SET parent_id = :parent, relation = :relation WHERE id = :id")
                .param("parent", parentId)
                .param("relation", relation)
                .param("id", childId)
                .update();
    }

    /** The parent (relation {@code PARENT}) and the children of an order. */
    public List<RelatedOrder> lineage(long id) {
        return jdbc.sql("""
                        SELECT p.id, p.number, 'PARENT' AS relation, p.lifecycle FROM orders o
                        JOIN orders p ON p.id = o.parent_id WHERE o.id = :id
                        UNION ALL
                        SELECT c.id, c.number, c.relation, c.lifecycle FROM orders c WHERE c.parent_id = :id
                        ORDER BY 1""")
                .param("id", id)
                .query((rs, n) -> new RelatedOrder(
                        rs.getLong(1), rs.getString(2), rs.getString(3), LifecycleStatus.valueOf(rs.getString(4))))
                .list();
    }

    /** The carrier the order is planned to go with (from the customer's shipping method); not versioned content. */
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
                            payment_terms, due_on, flagged, flagged_by_customer, flag_reason)
                        VALUES (:number, :channel, :externalId, :customerId, :customerName, :email, :phone,
                            :billing::jsonb, :shippingAddress::jsonb, :currency, :pricesIncludeTax, :subtotal, :shipping,
                            :discount, :tax, :total, :paymentMethod, :lifecycle, :heldFrom, :holdReason, :paymentStatus,
                            :fulfilmentStatus, :paid, :refunded, :pending, :tags, :responsibleId, :placedAt, :createdAt,
                            :updatedAt, :updatedBy, :paymentTerms, :dueOn, :flagged, :flaggedBy, :flagReason)
                        RETURNING id""")
                .params(columns(order, c, t))
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
        return stored(order, id, lines, 0);
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
                            delivered_at = :deliveredAt,
                            due_on = :dueOn, version = version + 1
                        WHERE id = :id AND version = :version
                        RETURNING version""")
                .params(columns(after, c, after.totals()))
                .param("id", before.id())
                .param("version", before.version())
                .query(Integer.class)
                .optional();
        if (version.isEmpty()) {
            throw stale(before.id());
        }
        List<OrderLine> lines = syncLines(before.id(), before.lines(), c.lines());
        if (!before.content().observerIds().equals(c.observerIds())) {
            jdbc.sql("DELETE FROM order_observers WHERE order_id = :id")
                    .param("id", before.id())
                    .update();
            insertObservers(before.id(), c.observerIds());
        }
        return stored(after, before.id(), lines, version.get());
    }

    /**
     * Writes what a lifecycle action changes — the state, the hold, the statuses derived from them, the due date,
     * who and when — for many orders whose content did not change, in one statement. Each must still be at the
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
                            updated_at = CAST(v.updated_at AS TIMESTAMPTZ), updated_by = v.updated_by,
                            due_on = CAST(v.due_on AS DATE), delivered_at = CAST(v.delivered_at AS TIMESTAMPTZ),
                            version = o.version + 1
                        FROM unnest(CAST(:ids AS BIGINT[]), CAST(:versions AS INT[]), CAST(:lifecycle AS TEXT[]),
                                    CAST(:heldFrom AS TEXT[]), CAST(:holdReason AS TEXT[]), CAST(:payment AS TEXT[]),
                                    CAST(:fulfilment AS TEXT[]), CAST(:updatedAt AS TEXT[]), CAST(:updatedBy AS TEXT[]),
                                    CAST(:dueOn AS TEXT[]), CAST(:deliveredAt AS TEXT[]))
                            AS v (id, version, lifecycle, held_from, hold_reason, payment_status, fulfilment_status,
                                  updated_at, updated_by, due_on, delivered_at)
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
                throw stale(ids[i]);
            }
            stored.add(stored(afters.get(i), ids[i], befores.get(i).lines(), versions[i] + 1));
        }
        return stored;
    }

    private static String[] column(List<Order> orders, Function<Order, String> value) {
        return orders.stream().map(value).toArray(String[]::new);
    }

    private static Order stored(Order o, long id, List<OrderLine> lines, int version) {
        OrderContent c = o.content();
        OrderContent content = new OrderContent(
                c.customerId(),
                c.customerName(),
                c.email(),
                c.phone(),
                c.billingAddress(),
                c.shippingAddress(),
                c.currency(),
                c.pricesIncludeTax(),
                lines,
                c.shipping(),
                c.discount(),
                c.paymentMethod(),
                c.tags(),
                c.responsibleId(),
                c.observerIds(),
                c.paymentTerms());
        return new Order(
                id,
                o.number(),
                o.channel(),
                o.externalId(),
                content,
                o.lifecycle(),
                o.heldFrom(),
                o.holdReason(),
                o.paid(),
                o.refunded(),
                o.pending(),
                o.placedAt(),
                o.createdAt(),
                o.updatedAt(),
                o.updatedBy(),
                version,
                o.deliveredAt());
    }

    private StaleVersionException stale(long id) {
        return jdbc.sql("SELECT version, updated_by FROM orders WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new StaleVersionException("order", id, rs.getInt(1), rs.getString(2)))
                .optional()
                .orElseGet(() -> new StaleVersionException("order", id, -1, "?"));
    }

    private Map<String, Object> columns(Order order, OrderContent c, Totals t) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("number", order.number());
        p.put("customerId", c.customerId());
        p.put("customerName", c.customerName());
        p.put("email", c.email());
        p.put("phone", c.phone());
        p.put("billing", toJson(c.billingAddress()));
        p.put("shippingAddress", toJson(c.shippingAddress()));
        p.put("currency", c.currency());
        p.put("pricesIncludeTax", c.pricesIncludeTax());
        p.put("subtotal", t.subtotal());
        p.put("shipping", t.shipping());
        p.put("discount", t.discount());
        p.put("tax", t.tax());
        p.put("total", t.total());
        p.put("paymentMethod", c.paymentMethod());
        p.put("lifecycle", order.lifecycle().name());
        p.put("heldFrom", order.heldFrom() == null ? null : order.heldFrom().name());
        p.put("holdReason", order.holdReason());
        p.put("paymentStatus", order.paymentStatus().name());
        p.put("fulfilmentStatus", order.fulfilmentStatus().name());
        p.put("paid", order.paid());
        p.put("refunded", order.refunded());
        p.put("pending", order.pending());
        p.put("tags", c.tags().toArray(String[]::new));
        p.put("responsibleId", c.responsibleId());
        p.put("updatedAt", Timestamp.from(order.updatedAt()));
        p.put("updatedBy", order.updatedBy());
        p.put("paymentTerms", c.paymentTerms().kind().name());
        p.put("deliveredAt", order.deliveredAt() == null ? null : Timestamp.from(order.deliveredAt()));
        p.put("dueOn", order.dueDate(zone));
        return p;
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
                        .params(lineColumns(line, ""))
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
            params.putAll(lineColumns(lines.get(i), n));
        }
        sql.append(" RETURNING id, position");
        Map<Integer, Long> ids = new HashMap<>();
        jdbc.sql(sql.toString()).params(params).query((ResultSet rs) -> {
            ids.put(rs.getInt(2), rs.getLong(1));
        });
        return lines.stream()
                .map(l -> new OrderLine(
                        ids.get(l.position()),
                        l.position(),
                        l.sku(),
                        l.name(),
                        l.attributes(),
                        l.unitPrice(),
                        l.quantity(),
                        l.discount(),
                        l.taxRate(),
                        l.shippedQuantity(),
                        l.returnedQuantity()))
                .toList();
    }

    private void insertObservers(long orderId, Set<Long> observers) {
        for (Long user : observers) {
            jdbc.sql("INSERT INTO order_observers (order_id, user_id) VALUES (:id, :user) ON CONFLICT DO NOTHING")
                    .param("id", orderId)
                    .param("user", user)
                    .update();
        }
    }

    private Map<String, Object> lineColumns(OrderLine line, String suffix) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("position" + suffix, line.position());
        p.put("sku" + suffix, line.sku());
        p.put("name" + suffix, line.name());
        p.put("attributes" + suffix, json.writeValueAsString(line.attributes()));
        p.put("unitPrice" + suffix, line.unitPrice());
        p.put("quantity" + suffix, line.quantity());
        p.put("discount" + suffix, line.discount());
        p.put("taxRate" + suffix, line.taxRate());
        p.put("total" + suffix, line.total());
        p.put("shipped" + suffix, line.shippedQuantity());
        p.put("returned" + suffix, line.returnedQuantity());
        return p;
    }

    public Optional<Order> findById(long id) {
        return find(id, "");
    }

    /** Loads the order and locks it until the transaction ends: concurrent changes wait their turn. */
    public Optional<Order> lock(long id) {
        return find(id, " FOR UPDATE");
    }

    /**
     * Loads and locks these orders (those that exist), in id order so that two callers locking overlapping sets
     * cannot deadlock, with their lines and observers: three statements however many orders.
     */
    public List<Order> lockAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<OrderRow> rows = jdbc.sql("SELECT * FROM orders WHERE id IN (:ids) ORDER BY id FOR UPDATE")
                .param("ids", ids)
                .query(this::row)
                .list();
        Map<Long, List<OrderLine>> lines = new HashMap<>();
        jdbc.sql("SELECT * FROM order_lines WHERE order_id IN (:ids) ORDER BY order_id, position, id")
                .param("ids", ids)
                .query((ResultSet rs) -> {
                    lines.computeIfAbsent(rs.getLong("order_id"), k -> new ArrayList<>())
                            .add(line(rs));
                });
        Map<Long, Set<Long>> observers = new HashMap<>();
        jdbc.sql("SELECT order_id, user_id FROM order_observers WHERE order_id IN (:ids)")
                .param("ids", ids)
                .query((ResultSet rs) -> {
                    observers
                            .computeIfAbsent(rs.getLong(1), k -> new HashSet<>())
                            .add(rs.getLong(2));
                });
        return rows.stream()
                .map(r -> r.toOrder(
                        lines.getOrDefault(r.id(), List.of()), observers.getOrDefault(r.id(), new HashSet<>())))
                .toList();
    }

    private Optional<Order> find(long id, String lock) {
        Optional<OrderRow> row = jdbc.sql("SELECT * FROM orders WHERE id = :id" + lock)
                .param("id", id)
                .query(this::row)
                .optional();
        return row.map(r -> r.toOrder(loadLines(id), observers(id)));
    }

    /** The newest orders of these customers (the search box found them by a payer account). */
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

    private List<OrderLine> loadLines(long orderId) {
        return jdbc.sql("SELECT * FROM order_lines WHERE order_id = :id ORDER BY position, id")
                .param("id", orderId)
                .query((rs, n) -> line(rs))
                .list();
    }

    private OrderLine line(ResultSet rs) throws SQLException {
        return new OrderLine(
                rs.getLong("id"),
                rs.getInt("position"),
                rs.getString("sku"),
                rs.getString("name"),
                json.readValue(rs.getString("attributes"), ATTRIBUTES),
                rs.getLong("unit_price"),
                rs.getInt("quantity"),
                rs.getLong("discount"),
                rs.getInt("tax_rate"),
                rs.getInt("shipped_quantity"),
                rs.getInt("returned_quantity"));
    }

    private Set<Long> observers(long orderId) {
        return new HashSet<>(jdbc.sql("SELECT user_id FROM order_observers WHERE order_id = :id")
                .param("id", orderId)
                .query(Long.class)
                .list());
    }

    private String toJson(Address address) {
        return address == null ? null : json.writeValueAsString(address);
    }

    private Address address(String value) {
        return value == null ? null : json.readValue(value, Address.class);
    }

    /** An order row as read, before its lines and observers are attached. */
    private record OrderRow(
            long id,
            String number,
            String channel,
            String externalId,
            long customerId,
            String customerName,
            String email,
            String phone,
            Address billing,
            Address shipping,
            String currency,
            boolean pricesIncludeTax,
            long shippingAmount,
            long discount,
            String paymentMethod,
            Set<String> tags,
            Long responsibleId,
            LifecycleStatus lifecycle,
            LifecycleStatus heldFrom,
            String holdReason,
            long paid,
            long refunded,
            long pending,
            Instant placedAt,
            Instant createdAt,
            Instant updatedAt,
            String updatedBy,
            int version,
            PaymentTerms terms,
            Instant deliveredAt) {

        Order toOrder(List<OrderLine> lines, Set<Long> observers) {
            OrderContent content = new OrderContent(
                    customerId,
                    customerName,
                    email,
                    phone,
                    billing,
                    shipping,
                    currency,
                    pricesIncludeTax,
                    lines,
                    shippingAmount,
                    discount,
                    paymentMethod,
                    tags,
                    responsibleId,
                    observers,
                    terms);
            return new Order(
                    id,
                    number,
                    channel,
                    externalId,
                    content,
                    lifecycle,
                    heldFrom,
                    holdReason,
                    paid,
                    refunded,
                    pending,
                    placedAt,
                    createdAt,
                    updatedAt,
                    updatedBy,
                    version,
                    deliveredAt);
        }
    }

    private OrderRow row(ResultSet rs, int n) throws SQLException {
        String heldFrom = rs.getString("held_from");
        return new OrderRow(
                rs.getLong("id"),
                rs.getString("number"),
                rs.getString("channel"),
                rs.getString("external_id"),
                rs.getLong("customer_id"),
                rs.getString("customer_name"),
                rs.getString("email"),
                rs.getString("phone"),
                address(rs.getString("billing_address")),
                address(rs.getString("shipping_address")),
                rs.getString("currency"),
                rs.getBoolean("prices_include_tax"),
                rs.getLong("shipping"),
                rs.getLong("discount"),
                rs.getString("payment_method"),
                new TreeSet<>(List.of((String[]) rs.getArray("tags").getArray())),
                rs.getObject("responsible_id", Long.class),
                LifecycleStatus.valueOf(rs.getString("lifecycle")),
                heldFrom == null ? null : LifecycleStatus.valueOf(heldFrom),
                rs.getString("hold_reason"),
                rs.getLong("paid"),
                rs.getLong("refunded"),
                rs.getLong("pending"),
                rs.getTimestamp("placed_at").toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"),
                rs.getInt("version"),
                new PaymentTerms(
                        PaymentTerms.Kind.valueOf(rs.getString("payment_terms")),
                        rs.getObject("due_on", LocalDate.class)),
                rs.getTimestamp("delivered_at") == null
                        ? null
                        : rs.getTimestamp("delivered_at").toInstant());
    }
}
