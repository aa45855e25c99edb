package dev.kontor.integration.jobs;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets idempotency keys older than {@code kontor.api.idempotency-keys-kept-for} (a day): a retry after that is a
 * new request. A plain DELETE, harmless when several instances run it at once.
 */
@Component
class IdempotencyKeyCleanup {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration keep;

    IdempotencyKeyCleanup(
            JdbcClient jdbc, Clock clock, @Value("${kontor.api.idempotency-keys-kept-for:P1D}") Duration keep) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keep = keep;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldKeys() {
        jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(keep)))
                .update();
    }
}
