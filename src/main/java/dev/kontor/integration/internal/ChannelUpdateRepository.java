package dev.kontor.integration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Updates for the channels' connectors, taken from the order's events. */
@Repository
public class ChannelUpdateRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;

    ChannelUpdateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An update with what its event said. */
    public record Due(
            long id,
            long orderId,
            String channel,
            String kind,
            int attempts,
            Instant firstFailedAt,
            String orderNumber,
            Instant occurredAt,
            Map<String, Object> data) {}

    /**
     * The order's sequenced events up to {@code upTo} that a channel with a connector must be told, as updates, once:
     * one instance at a time (the cursor row, {@code SKIP LOCKED}). Answers how many.
     */
    public int fanOut(Collection<String> channels, long upTo, Instant now) {
        return jdbc.sql("""
                        WITH w AS (
                            SELECT fanned_out_to FROM channel_writeback WHERE id = 1 FOR UPDATE SKIP LOCKED
                        ), ins AS (
                            INSERT INTO channel_updates (event_id, order_id, position, channel, kind, status,
                                next_attempt_at)
                            SELECT e.id, e.order_id, e.position, e.data ->> 'channel',
                                   CASE e.type WHEN 'order.shipped' THEN 'SHIPPED' WHEN 'order.cancelled' THEN 'CANCELLED'
                                        WHEN 'order.refunded' THEN 'REFUNDED' ELSE 'NOTE' END,
                                   'PENDING', :now
                            FROM w JOIN order_events e ON e.position > w.fanned_out_to AND e.position <= :upTo
                            WHERE e.data ->> 'channel' = ANY(CAST(:channels AS TEXT[]))
                              AND (e.type IN ('order.shipped', 'order.cancelled', 'order.refunded')
                                   OR e.type = 'order.note-added' AND e.data -> 'details' ->> 'kind' = 'MARKETPLACE')
                            ON CONFLICT (event_id) DO NOTHING
                            RETURNING 1
                        ), moved AS (
                            UPDATE channel_writeback SET fanned_out_to = :upTo
                            WHERE id = 1 AND EXISTS (SELECT 1 FROM w) AND fanned_out_to < :upTo
                        )
                        SELECT count(*) FROM ins""")
                .param("channels", channels.toArray(String[]::new))
                .param("upTo", upTo)
                .param("now", Timestamp.from(now))
                .query(Integer.class)
                .single();
    }

    /** Leases due updates that are first in line for their order (an order's updates go one after another). */
    public List<Due> lease(Instant now, Instant until, int limit) {
        return jdbc.sql("""
                        WITH leased AS (
                            UPDATE channel_updates u SET leased_until = :until
                            WHERE u.id IN (
                                SELECT u.id FROM channel_updates u
                                WHERE u.status = 'PENDING' AND u.next_attempt_at <= :now
                                  AND (u.leased_until IS NULL OR u.leased_until < :now)
                                  AND NOT EXISTS (SELECT 1 FROM channel_updates p WHERE p.order_id = u.order_id
                                      AND p.status = 'PENDING' AND p.position < u.position)
                                ORDER BY u.position LIMIT :limit
                                FOR UPDATE OF u SKIP LOCKED)
                            RETURNING u.*
                        )
                        SELECT l.id, l.order_id, l.channel, l.kind, l.attempts, l.first_failed_at,
                               e.order_number, e.occurred_at, e.data
                        FROM leased l JOIN order_events e ON e.id = l.event_id ORDER BY l.position""")
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(until))
                .param("limit", limit)
                .query(ChannelUpdateRepository::due)
                .list();
    }

    public void confirmed(long id, Instant at, String result) {
        jdbc.sql("""
                        UPDATE channel_updates SET status = 'CONFIRMED', attempts = attempts + 1, confirmed_at = :at,
                            result = :result, last_error = NULL, leased_until = NULL WHERE id = :id""")
                .param("at", Timestamp.from(at))
                .param("result", result)
                .param("id", id)
                .update();
    }

    /** A failed attempt: tried again at {@code next}, or given up when {@code next} is null. */
    public void failed(long id, Instant at, String error, Instant next) {
        jdbc.sql("""
                        UPDATE channel_updates SET attempts = attempts + 1, first_failed_at = coalesce(first_failed_at, :at),
                            last_error = :error, leased_until = NULL,
                            status = CASE WHEN CAST(:next AS TIMESTAMPTZ) IS NULL THEN 'DEAD' ELSE 'PENDING' END,
                            next_attempt_at = coalesce(CAST(:next AS TIMESTAMPTZ), next_attempt_at)
                        WHERE id = :id""")
                .param("at", Timestamp.from(at))
                .param("error", error)
                .param("next", next == null ? null : Timestamp.from(next))
                .param("id", id)
                .update();
    }

    private static Due due(ResultSet rs, int n) throws SQLException {
        Timestamp failed = rs.getTimestamp("first_failed_at");
        return new Due(
                rs.getLong("id"),
                rs.getLong("order_id"),
                rs.getString("channel"),
                rs.getString("kind"),
                rs.getInt("attempts"),
                failed == null ? null : failed.toInstant(),
                rs.getString("order_number"),
                rs.getTimestamp("occurred_at").toInstant(),
                JSON.readValue(rs.getString("data"), MAP));
    }
}
