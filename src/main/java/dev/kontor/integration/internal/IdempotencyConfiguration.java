package dev.kontor.integration.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/** Registers the idempotency filter after Spring Security (so it knows who calls) and forgets old keys. */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration keep;

    IdempotencyConfiguration(
            JdbcClient jdbc, Clock clock, @Value("${kontor.api.idempotency-keys-kept-for:P1D}") Duration keep) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keep = keep;
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(TransactionTemplate transaction) {
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(jdbc, transaction, clock));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(0); // after the security filter chain (-100)
        return registration;
    }

    /** A plain DELETE: harmless when several instances run it at once. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldKeys() {
        jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(keep)))
                .update();
    }
}
