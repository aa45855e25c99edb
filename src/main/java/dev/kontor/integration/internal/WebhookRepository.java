package dev.kontor.integration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Webhook subscriptions and their deliveries. */
@Repository
public class WebhookRepository {

    private final JdbcClient jdbc;

    WebhookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A subscription as stored (its secrets too: only the service reads them). */
    public record Subscription(
            long id,
            String url,
            String description,
            List<String> eventTypes,
            String secret,
            String previousSecret,
            Instant previousSecretUntil,
            boolean active,
            Instant disabledAt,
            String disabledReason,
            long fannedOutTo,
            Instant lastSuccessAt,
            Instant createdAt,
            String createdBy) {}

    /** A delivery as stored. */
    public record Delivery(
            long id,
            long subscriptionId,
            long eventId,
            long orderId,
            long position,
            String status,
            int attempts,
            Instant nextAttemptAt,
            Instant firstFailedAt,
            Instant lastAttemptAt,
            Integer lastStatus,
            String lastError,
            String lastResponse,
            Instant deliveredAt,
            boolean replay) {}

    public long insert(
            String url, String description, List<String> types, String secret, long from, Instant at, String by) {
        return jdbc.sql("""
                        INSERT INTO webhook_subscriptions (url, description, event_types, secret, fanned_out_to,
                            created_at, created_by)
                        VALUES (:url, :description, :types, :secret, :from, :at, :by) RETURNING id""")
                .param("url", url)
                .param("description", description)
                .param("types", types.toArray(String[]::new))
                .param("secret", secret)
                .param("from", from)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .query(Long.class)
                .single();
    }

    public Optional<Subscription> find(long id) {
        return jdbc.sql("SELECT * FROM webhook_subscriptions WHERE id = :id")
                .param("id", id)
                .query(WebhookRepository::subscription)
                .optional();
    }

    public List<Subscription> all() {
        return jdbc.sql("SELECT * FROM webhook_subscriptions ORDER BY id")
                .query(WebhookRepository::subscription)
                .list();
    }

    public List<Long> activeIds() {
        return jdbc.sql("SELECT id FROM webhook_subscriptions WHERE active ORDER BY id")
                .query(Long.class)
                .list();
    }

    public void update(long id, String url, String description, List<String> types) {
        jdbc.sql("""
                        UPDATE webhook_subscriptions SET url = :url, description = :description, event_types = :types
                        WHERE id = :id""")
                .param("url", url)
                .param("description", description)
                .param("types", types.toArray(String[]::new))
                .param("id", id)
                .update();
    }

    /** A new secret; the one before stays valid until {@code until} (receivers move over meanwhile). */
    public void rotate(long id, String secret, Instant until) {
        jdbc.sql("""
                        UPDATE webhook_subscriptions SET previous_secret = secret, previous_secret_until = :until,
                            secret = :secret WHERE id = :id""")
                .param("secret", secret)
                .param("until", Timestamp.from(until))
                .param("id", id)
                .update();
    }

    public void enable(long id) {
        jdbc.sql("""
                        UPDATE webhook_subscriptions SET active = TRUE, disabled_at = NULL, disabled_reason = NULL
                        WHERE id = :id""").param("id", id).update();
    }

    /** Turns a subscription off; answers whether it was on (so the admins are told once). */
    public boolean disable(long id, Instant at, String reason) {
        return jdbc.sql("""
                        UPDATE webhook_subscriptions SET active = FALSE, disabled_at = :at, disabled_reason = :reason
                        WHERE id = :id AND active""")
                        .param("at", Timestamp.from(at))
                        .param("reason", reason)
                        .param("id", id)
                        .update()
                == 1;
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM webhook_subscriptions WHERE id = :id")
                .param("id", id)
                .update();
    }

    /**
     * Turns the subscription's new events (up to {@code upTo}) into deliveries, once: the subscription's row is
     * locked ({@code SKIP LOCKED}: another instance doing it is left to it). Answers how many were created.
     */
    public int fanOut(long id, long upTo, Instant now) {
        return jdbc.sql("""
                        WITH s AS (
                            SELECT id, event_types, fanned_out_to FROM webhook_subscriptions
                            WHERE id = :id AND active AND fanned_out_to < :upTo FOR UPDATE SKIP LOCKED
                        ), d AS (
                            INSERT INTO webhook_deliveries (subscription_id, event_id, order_id, position, status,
                                next_attempt_at)
                            SELECT s.id, e.id, e.order_id, e.position, 'PENDING', :now
                            FROM s JOIN order_events e ON e.position > s.fanned_out_to AND e.position <= :upTo
                            WHERE cardinality(s.event_types) = 0 OR e.type = ANY(s.event_types)
                            RETURNING 1
                        ), moved AS (
                            UPDATE webhook_subscriptions w SET fanned_out_to = :upTo FROM s WHERE w.id = s.id
                        )
                        SELECT count(*) FROM d""")
                .param("id", id)
                .param("upTo", upTo)
                .param("now", Timestamp.from(now))
                .query(Integer.class)
                .single();
    }

    /**
     * Leases due deliveries that are first in line for their order (an order's next delivery waits for the one before
     * it), of active subscriptions, until {@code leaseUntil}: an instance sending them holds them; another skips them.
     */
    public List<Delivery> lease(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                        UPDATE webhook_deliveries d SET leased_until = :until
                        WHERE d.id IN (
                            SELECT d.id FROM webhook_deliveries d
                            JOIN webhook_subscriptions s ON s.id = d.subscription_id AND s.active
                            WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now
                              AND (d.leased_until IS NULL OR d.leased_until < :now)
                              AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p
                                  WHERE p.subscription_id = d.subscription_id AND p.order_id = d.order_id
                                    AND p.status = 'PENDING' AND p.position < d.position)
                            ORDER BY d.position LIMIT :limit
                            FOR UPDATE OF d SKIP LOCKED)
                        RETURNING d.*""")
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(leaseUntil))
                .param("limit", limit)
                .query(WebhookRepository::delivery)
                .list();
    }

    public void delivered(long id, Instant at, int status, String response) {
        jdbc.sql("""
                        UPDATE webhook_deliveries SET status = 'DELIVERED', attempts = attempts + 1, delivered_at = :at,
                            last_attempt_at = :at, last_status = :status, last_response = :response, last_error = NULL,
                            leased_until = NULL
                        WHERE id = :id""")
                .param("at", Timestamp.from(at))
                .param("status", status)
                .param("response", response)
                .param("id", id)
                .update();
        jdbc.sql("""
                        UPDATE webhook_subscriptions SET last_success_at = :at
                        WHERE id = (SELECT subscription_id FROM webhook_deliveries WHERE id = :id)""").param("at", Timestamp.from(at)).param("id", id).update();
    }

    /** A failed attempt: tried again at {@code next}, or dead when {@code next} is null. */
    public void failed(long id, Instant at, Integer status, String error, String response, Instant next) {
        jdbc.sql("""
                        UPDATE webhook_deliveries SET attempts = attempts + 1, last_attempt_at = :at,
                            first_failed_at = coalesce(first_failed_at, :at), last_status = :status,
                            last_error = :error, last_response = :response, leased_until = NULL,
                            status = CASE WHEN CAST(:next AS TIMESTAMPTZ) IS NULL THEN 'DEAD' ELSE 'PENDING' END,
                            next_attempt_at = coalesce(CAST(:next AS TIMESTAMPTZ), next_attempt_at)
                        WHERE id = :id""")
                .param("at", Timestamp.from(at))
                .param("status", status)
                .param("error", error)
                .param("response", response)
                .param("next", next == null ? null : Timestamp.from(next))
                .param("id", id)
                .update();
    }

    /** A subscription's deliveries, newest first, of one status or any. */
    public List<Delivery> deliveries(long subscriptionId, String status, int limit) {
        return jdbc.sql("""
                        SELECT * FROM webhook_deliveries WHERE subscription_id = :id
                          AND (CAST(:status AS TEXT) IS NULL OR status = :status)
                        ORDER BY id DESC LIMIT :limit""")
                .param("id", subscriptionId)
                .param("status", status)
                .param("limit", limit)
                .query(WebhookRepository::delivery)
                .list();
    }

    /** How many of each subscription's deliveries are in each status, for all of them in one query. */
    public java.util.Map<Long, java.util.Map<String, Long>> countsOfAll() {
        java.util.Map<Long, java.util.Map<String, Long>> counts = new java.util.HashMap<>();
        jdbc.sql("SELECT subscription_id, status, count(*) FROM webhook_deliveries GROUP BY subscription_id, status")
                .query((ResultSet rs) -> {
                    counts.computeIfAbsent(rs.getLong(1), id -> new java.util.LinkedHashMap<>())
                            .put(rs.getString(2), rs.getLong(3));
                });
        return counts;
    }

    /** How many of a subscription's deliveries are in each status. */
    public java.util.Map<String, Long> counts(long subscriptionId) {
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT status, count(*) FROM webhook_deliveries WHERE subscription_id = :id GROUP BY status")
                .param("id", subscriptionId)
                .query((ResultSet rs) -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** New deliveries of the subscription's events after {@code after} (up to {@code upTo}), sent again. */
    public int replay(long subscriptionId, long after, long upTo, Instant now) {
        return jdbc.sql("""
                        INSERT INTO webhook_deliveries (subscription_id, event_id, order_id, position, status,
                            next_attempt_at, replay)
                        SELECT s.id, e.id, e.order_id, e.position, 'PENDING', :now, TRUE
                        FROM webhook_subscriptions s JOIN order_events e
                          ON e.position > :after AND e.position <= :upTo
                        WHERE s.id = :id AND (cardinality(s.event_types) = 0 OR e.type = ANY(s.event_types))""")
                .param("id", subscriptionId)
                .param("after", after)
                .param("upTo", upTo)
                .param("now", Timestamp.from(now))
                .update();
    }

    private static Subscription subscription(ResultSet rs, int n) throws SQLException {
        return new Subscription(
                rs.getLong("id"),
                rs.getString("url"),
                rs.getString("description"),
                Arrays.asList((String[]) rs.getArray("event_types").getArray()),
                rs.getString("secret"),
                rs.getString("previous_secret"),
                instant(rs, "previous_secret_until"),
                rs.getBoolean("active"),
                instant(rs, "disabled_at"),
                rs.getString("disabled_reason"),
                rs.getLong("fanned_out_to"),
                instant(rs, "last_success_at"),
                instant(rs, "created_at"),
                rs.getString("created_by"));
    }

    private static Delivery delivery(ResultSet rs, int n) throws SQLException {
        return new Delivery(
                rs.getLong("id"),
                rs.getLong("subscription_id"),
                rs.getLong("event_id"),
                rs.getLong("order_id"),
                rs.getLong("position"),
                rs.getString("status"),
                rs.getInt("attempts"),
                instant(rs, "next_attempt_at"),
                instant(rs, "first_failed_at"),
                instant(rs, "last_attempt_at"),
                (Integer) rs.getObject("last_status"),
                rs.getString("last_error"),
                rs.getString("last_response"),
                instant(rs, "delivered_at"),
                rs.getBoolean("replay"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
