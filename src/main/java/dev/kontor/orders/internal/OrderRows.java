package dev.kontor.orders.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderContent;
import dev.kontor.orders.OrderLine;
import dev.kontor.orders.PaymentTerms;
import dev.kontor.orders.Receipt;
import dev.kontor.orders.Totals;
import dev.kontor.shared.Address;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** How an order and its lines map to the columns of {@code orders} and {@code order_lines}, both ways. */
final class OrderRows {

    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {};

    private final JsonMapper json;
    private final ZoneId zone;

    private static final TypeReference<Map<String, Object>> CUSTOM_FIELDS = new TypeReference<>() {};

    /** An order's row with its observers' ids as {@code observer_ids}, read by {@link #observerIds}. */
    static final String WITH_OBSERVERS =
            "SELECT o.*, ARRAY(SELECT user_id FROM order_observers WHERE order_id = o.id) AS observer_ids FROM orders o";

    OrderRows(JsonMapper json, ZoneId zone) {
        this.json = json;
        this.zone = zone;
    }

    /** The observers of a row read with {@link #WITH_OBSERVERS}. */
    static Set<Long> observerIds(ResultSet rs) throws SQLException {
        return new HashSet<>(Arrays.asList((Long[]) rs.getArray("observer_ids").getArray()));
    }

    /** The order of a row of {@code orders}, without its lines and observers ({@link Order#asStored} adds them). */
    Order order(ResultSet rs, int n) throws SQLException {
        String heldFrom = rs.getString("held_from");
        OrderContent content = OrderContent.builder()
                .customer(rs.getLong("customer_id"), rs.getString("customer_name"))
                .email(rs.getString("email"))
                .phone(rs.getString("phone"))
                .billingAddress(address(rs.getString("billing_address")))
                .shippingAddress(address(rs.getString("shipping_address")))
                .currency(rs.getString("currency"))
                .pricesIncludeTax(rs.getBoolean("prices_include_tax"))
                .shipping(rs.getLong("shipping"))
                .discount(rs.getLong("discount"))
                .paymentMethod(rs.getString("payment_method"))
                .tags(new TreeSet<>(List.of((String[]) rs.getArray("tags").getArray())))
                .responsibleId(rs.getObject("responsible_id", Long.class))
                .paymentTerms(new PaymentTerms(
                        PaymentTerms.Kind.valueOf(rs.getString("payment_terms")),
                        rs.getObject("due_on", LocalDate.class)))
                .customFields(customFields(rs.getString("custom_fields")))
                .build();
        return new Order(
                rs.getLong("id"),
                rs.getString("number"),
                rs.getString("channel"),
                rs.getString("external_id"),
                content,
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
                rs.getTimestamp("delivered_at") == null
                        ? null
                        : rs.getTimestamp("delivered_at").toInstant(),
                rs.getTimestamp("received_at") == null
                        ? null
                        : new Receipt(
                                rs.getString("received_by"),
                                rs.getTimestamp("received_at").toInstant()));
    }

    /** The columns of {@code orders} an order writes (all but its id, channel, external id and creation). */
    Map<String, Object> columns(Order order) {
        OrderContent c = order.content();
        Totals t = order.totals();
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
        p.put(
                "receivedAt",
                order.received() == null
                        ? null
                        : Timestamp.from(order.received().at()));
        p.put("receivedBy", order.received() == null ? null : order.received().by());
        p.put("dueOn", order.dueDate(zone));
        p.put("customFields", customFieldsJson(c));
        return p;
    }

    /** The custom fields as stored: one JSON object. */
    String customFieldsJson(OrderContent c) {
        return c.customFields().isEmpty() ? "{}" : json.writeValueAsString(c.customFields());
    }

    private Map<String, Object> customFields(String stored) {
        return stored == null || stored.equals("{}") ? Map.of() : json.readValue(stored, CUSTOM_FIELDS);
    }

    OrderLine line(ResultSet rs) throws SQLException {
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

    /** The columns of {@code order_lines} a line writes, each name with {@code suffix} (one statement, many lines). */
    Map<String, Object> lineColumns(OrderLine line, String suffix) {
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

    private String toJson(Address address) {
        return address == null ? null : json.writeValueAsString(address);
    }

    private Address address(String value) {
        return value == null ? null : json.readValue(value, Address.class);
    }
}
