package dev.kontor.fulfillment.internal;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.fulfillment.Carrier;
import dev.kontor.fulfillment.ReturnDisposition;
import dev.kontor.fulfillment.ReturnRecord;
import dev.kontor.fulfillment.Shipment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Shipments and their lines. */
@Repository
public class ShipmentRepository {

    private final JdbcClient jdbc;

    ShipmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(
            long orderId,
            Carrier carrier,
            String tracking,
            Instant shippedAt,
            Map<Long, Integer> quantities,
            Long byId,
            String byName,
            Instant now) {
        long id = jdbc.sql("""
                        INSERT INTO shipments (order_id, carrier, carrier_code, tracking_number, shipped_at, recorded_by_id,
                            recorded_by_name, created_at)
                        VALUES (:order, :carrier, :code, :tracking, :shippedAt, :byId, :byName, :now) RETURNING id""")
                .param("order", orderId)
                .param("carrier", carrier.name())
                .param("code", carrier.code())
                .param("tracking", tracking)
                .param("shippedAt", Timestamp.from(shippedAt))
                .param("byId", byId)
                .param("byName", byName)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
        quantities.forEach((line, quantity) -> jdbc.sql("""
                        INSERT INTO shipment_lines (shipment_id, order_line_id, quantity) VALUES (:id, :line, :quantity)""")
                .param("id", id)
                .param("line", line)
                .param("quantity", quantity)
                .update());
        return id;
    }

    public long insertReturn(
            long orderId,
            String reason,
            Map<Long, Integer> quantities,
            Map<Long, ReturnDisposition> dispositions,
            Long byId,
            String byName,
            Instant now) {
        long id = jdbc.sql("""
                        INSERT INTO returns (order_id, reason, received_by_id, received_by_name, received_at)
                        VALUES (:order, :reason, :byId, :byName, :now) RETURNING id""")
                .param("order", orderId)
                .param("reason", reason)
                .param("byId", byId)
                .param("byName", byName)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
        quantities.forEach((line, quantity) -> jdbc.sql("""
                        INSERT INTO return_lines (return_id, order_line_id, quantity, disposition)
                        VALUES (:id, :line, :quantity, :disposition)""")
                .param("id", id)
                .param("line", line)
                .param("quantity", quantity)
                .param("disposition", dispositions.get(line).name())
                .update());
        return id;
    }

    public List<ReturnRecord> returnsOf(long orderId) {
        Map<Long, Map<Long, Integer>> quantities = new LinkedHashMap<>();
        Map<Long, Map<Long, ReturnDisposition>> dispositions = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT rl.return_id, rl.order_line_id, rl.quantity, rl.disposition FROM return_lines rl
                        JOIN returns r ON r.id = rl.return_id WHERE r.order_id = :order""").param("order", orderId).query((ResultSet rs) -> {
            quantities
                    .computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                    .put(rs.getLong(2), rs.getInt(3));
            dispositions
                    .computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                    .put(rs.getLong(2), ReturnDisposition.valueOf(rs.getString(4)));
        });
        return jdbc.sql("SELECT * FROM returns WHERE order_id = :order ORDER BY id")
                .param("order", orderId)
                .query((rs, n) -> new ReturnRecord(
                        rs.getLong("id"),
                        rs.getString("reason"),
                        quantities.getOrDefault(rs.getLong("id"), Map.of()),
                        dispositions.getOrDefault(rs.getLong("id"), Map.of()),
                        rs.getString("received_by_name"),
                        rs.getTimestamp("received_at").toInstant()))
                .list();
    }

    public void markDelivered(long orderId, Instant when) {
        jdbc.sql("UPDATE shipments SET delivered_at = :when WHERE order_id = :order AND delivered_at IS NULL")
                .param("when", Timestamp.from(when))
                .param("order", orderId)
                .update();
    }

    /** Whether the order already has a shipment with this tracking number (a bulk file uploaded twice). */
    public boolean hasTracking(long orderId, String tracking) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM shipments WHERE order_id = :order
                                       AND upper(tracking_number) = upper(:tracking))""")
                .param("order", orderId)
                .param("tracking", tracking)
                .query(Boolean.class)
                .single();
    }

    /** The orders whose shipments carry this tracking number (search). */
    public List<Long> ordersByTracking(String tracking) {
        return jdbc.sql("""
                        SELECT DISTINCT order_id FROM shipments
                        WHERE upper(tracking_number) = upper(:tracking) LIMIT 50""").param("tracking", tracking).query(Long.class).list();
    }

    public List<Shipment> findByOrder(long orderId) {
        Map<Long, Map<Long, Integer>> lines = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT sl.shipment_id, sl.order_line_id, sl.quantity FROM shipment_lines sl
                        JOIN shipments s ON s.id = sl.shipment_id WHERE s.order_id = :order""").param("order", orderId).query((ResultSet rs) -> {
            lines.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getLong(2), rs.getInt(3));
        });
        List<Shipment> shipments = new ArrayList<>();
        jdbc.sql("SELECT * FROM shipments WHERE order_id = :order ORDER BY id")
                .param("order", orderId)
                .query((ResultSet rs) -> {
                    long id = rs.getLong("id");
                    shipments.add(new Shipment(
                            id,
                            orderId,
                            rs.getString("carrier"),
                            rs.getString("tracking_number"),
                            rs.getTimestamp("shipped_at").toInstant(),
                            lines.getOrDefault(id, Map.of()),
                            rs.getString("recorded_by_name")));
                });
        return shipments;
    }
}
