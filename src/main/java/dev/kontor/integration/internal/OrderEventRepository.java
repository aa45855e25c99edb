package dev.kontor.integration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The order's events: written with the change, sequenced in commit order, read by the feed and the webhooks. */
@Repository
public class OrderEventRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    /** The order as an event carries it, from {@code orders o}. */
    private static final String DATA = """
            jsonb_build_object('number', o.number, 'channel', o.channel, 'externalId', o.external_id,
                'lifecycle', o.lifecycle, 'payment', o.payment_status, 'fulfilment', o.fulfilment_status,
                'currency', trim(o.currency), 'total', o.total, 'paid', o.paid, 'refunded', o.refunded,
                'version', o.version)""";

    private final JdbcClient jdbc;

    OrderEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An event to write: its order, type, time and who, and what the change said besides ({@code details}: the
     * timeline entry's details, e.g. carrier and tracking number of a shipment; {@code reason}: why).
     */
    public record NewEvent(
            long orderId, String type, Instant occurredAt, String actor, Map<String, String> details, String reason) {

        /** The change's own words, merged into the event's data: {@code {"details": {…}, "reason": "…"}}. */
        String extra() {
            Map<String, Object> extra = new java.util.LinkedHashMap<>();
            if (details != null && !details.isEmpty()) {
                extra.put("details", details);
            }
            if (reason != null) {
                extra.put("reason", reason);
            }
            return extra.isEmpty() ? "{}" : JSON.writeValueAsString(extra);
        }
    }

    /** A stored event. */
    public record Stored(
            long id,
            long position,
            long orderId,
            String orderNumber,
            int seq,
            String type,
            Instant occurredAt,
            String actor,
            Map<String, Object> data) {}

    /**
     * Writes events in one statement: each order's counter goes up by its events (its row lock orders concurrent
     * changes of one order, counters taken in order id order), each event numbered after the last, with the order as
     * this transaction sees it now.
     */
    public void insert(List<NewEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        if (events.size() == 1) { // most changes: one event, one lean statement
            NewEvent e = events.get(0);
            jdbc.sql("""
                            WITH c AS (
                                INSERT INTO order_event_counters (order_id, seq) VALUES (:order, 1)
                                ON CONFLICT (order_id) DO UPDATE SET seq = order_event_counters.seq + 1
                                RETURNING seq
                            )
                            INSERT INTO order_events (order_id, order_number, seq, type, occurred_at, actor, data)
                            SELECT o.id, o.number, c.seq, :type, :at, :actor,
                                   """ + DATA + """
                                   || CAST(:extra AS JSONB)
                            FROM c, orders o WHERE o.id = :order""")
                    .param("order", e.orderId())
                    .param("extra", e.extra())
                    .param("type", e.type())
                    .param("at", Timestamp.from(e.occurredAt()))
                    .param("actor", e.actor())
                    .update();
            return;
        }
        jdbc.sql("""
                        WITH e AS (
                            SELECT * FROM unnest(CAST(:orders AS BIGINT[]), CAST(:types AS TEXT[]),
                                CAST(:times AS TIMESTAMPTZ[]), CAST(:actors AS TEXT[]), CAST(:extras AS TEXT[]))
                                WITH ORDINALITY AS e(order_id, type, occurred_at, actor, extra, n)
                        ), k AS (
                            SELECT order_id, count(*) AS k FROM e GROUP BY order_id
                        ), c AS (
                            INSERT INTO order_event_counters (order_id, seq)
                            SELECT order_id, k FROM k ORDER BY order_id
                            ON CONFLICT (order_id) DO UPDATE SET seq = order_event_counters.seq + EXCLUDED.seq
                            RETURNING order_id, seq
                        )
                        INSERT INTO order_events (order_id, order_number, seq, type, occurred_at, actor, data)
                        SELECT e.order_id, o.number,
                               c.seq - k.k + row_number() OVER (PARTITION BY e.order_id ORDER BY e.n),
                               e.type, e.occurred_at, e.actor, """ + DATA + """
                               || CAST(e.extra AS JSONB)
                        FROM e JOIN k ON k.order_id = e.order_id JOIN c ON c.order_id = e.order_id
                        JOIN orders o ON o.id = e.order_id
                        ORDER BY e.n""")
                .param("orders", events.stream().map(NewEvent::orderId).toArray(Long[]::new))
                .param("types", events.stream().map(NewEvent::type).toArray(String[]::new))
                .param(
                        "times",
                        events.stream().map(e -> Timestamp.from(e.occurredAt())).toArray(Timestamp[]::new))
                .param("actors", events.stream().map(NewEvent::actor).toArray(String[]::new))
                .param("extras", events.stream().map(NewEvent::extra).toArray(String[]::new))
                .update();
    }

    /**
     * Gives the committed events without a position theirs, in the order they were written, after the last position
     * given: one instance at a time (the sequencer row, {@code SKIP LOCKED}). Answers how many were sequenced, or
     * nothing when another instance holds the lock.
     */
    public Optional<Integer> sequence(int limit) {
        boolean mine = jdbc.sql("SELECT id FROM event_sequencer WHERE id = 1 FOR UPDATE SKIP LOCKED")
                .query(Integer.class)
                .optional()
                .isPresent();
        if (!mine) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("""
                        UPDATE order_events e SET position = s.last + s.n
                        FROM (SELECT id, row_number() OVER (ORDER BY id) AS n,
                                     (SELECT coalesce(max(position), 0) FROM order_events) AS last
                              FROM order_events WHERE position IS NULL ORDER BY id LIMIT :limit) s
                        WHERE e.id = s.id""").param("limit", limit).update());
    }

    /** Sequenced events after a position, of these types (empty: any), oldest first. */
    public List<Stored> after(long position, List<String> types, int limit) {
        return jdbc.sql("""
                        SELECT * FROM order_events WHERE position > :after
                          AND (cardinality(CAST(:types AS TEXT[])) = 0 OR type = ANY(CAST(:types AS TEXT[])))
                        ORDER BY position LIMIT :limit""")
                .param("after", position)
                .param("types", types.toArray(String[]::new))
                .param("limit", limit)
                .query(OrderEventRepository::stored)
                .list();
    }

    /** These events, by id. */
    public Map<Long, Stored> byIds(List<Long> ids) {
        Map<Long, Stored> found = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT * FROM order_events WHERE id IN (:ids)")
                    .param("ids", ids)
                    .query(OrderEventRepository::stored)
                    .list()
                    .forEach(s -> found.put(s.id(), s));
        }
        return found;
    }

    /** The last position given (0: none yet). */
    public long lastPosition() {
        return jdbc.sql("SELECT coalesce(max(position), 0) FROM order_events")
                .query(Long.class)
                .single();
    }

    /** The position just before the first sequenced event at or after this time (for a replay from a time). */
    public long positionBefore(Instant time) {
        return jdbc.sql("""
                        SELECT coalesce(min(position), (SELECT coalesce(max(position), 0) + 1 FROM order_events)) - 1
                        FROM order_events WHERE occurred_at >= :time AND position IS NOT NULL""")
                .param("time", Timestamp.from(time))
                .query(Long.class)
                .single();
    }

    private static Stored stored(ResultSet rs, int n) throws SQLException {
        return new Stored(
                rs.getLong("id"),
                rs.getLong("position"),
                rs.getLong("order_id"),
                rs.getString("order_number"),
                rs.getInt("seq"),
                rs.getString("type"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"),
                JSON.readValue(rs.getString("data"), MAP));
    }
}
