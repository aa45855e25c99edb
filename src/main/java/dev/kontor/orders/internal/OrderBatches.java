package dev.kontor.orders.internal;

import java.sql.ResultSet;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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

    OrderBatches(JdbcClient jdbc, JsonMapper json, ShopSettings shop) {
        this.jdbc = jdbc;
        this.zone = shop.timeZone();
        this.rows = new OrderRows(json, zone);
    }

    /**
     * Loads and locks these orders (those that exist), in id order so that two callers locking overlapping sets
     * cannot deadlock, with their lines and observers: three statements however many orders.
     */
    public List<Order> lockAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Order> found = jdbc.sql("SELECT * FROM orders WHERE id IN (:ids) ORDER BY id FOR UPDATE")
                .param("ids", ids)
                .query(rows::order)
                .list();
        Map<Long, List<OrderLine>> lines = new HashMap<>();
        jdbc.sql("SELECT * FROM order_lines WHERE order_id IN (:ids) ORDER BY order_id, position, id")
                .param("ids", ids)
                .query((ResultSet rs) -> {
                    lines.computeIfAbsent(rs.getLong("order_id"), k -> new ArrayList<>())
                            .add(rows.line(rs));
                });
        Map<Long, Set<Long>> observers = new HashMap<>();
        jdbc.sql("SELECT order_id, user_id FROM order_observers WHERE order_id IN (:ids)")
                .param("ids", ids)
                .query((ResultSet rs) -> {
                    observers
                            .computeIfAbsent(rs.getLong(1), k -> new HashSet<>())
                            .add(rs.getLong(2));
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
                            approved_at = CASE WHEN v.lifecycle = 'APPROVED'
                                THEN coalesce(o.approved_at, CAST(v.updated_at AS TIMESTAMPTZ)) ELSE o.approved_at END,
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
