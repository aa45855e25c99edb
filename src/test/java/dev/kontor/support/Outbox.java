package dev.kontor.support;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/**
 * Waits for the listeners that run after a transaction committed (on another thread) to finish: until no event
 * publication is open, or fails the test after five seconds.
 */
public final class Outbox {

    private Outbox() {}

    public static void awaitDelivered(JdbcClient jdbc) {
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> open(jdbc) == 0);
    }

    static long open(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT count(*) FROM event_publication
                        WHERE completion_date IS NULL AND coalesce(status, '') NOT IN ('FAILED', 'COMPLETED')""").query(Long.class).single();
    }
}
