package dev.kontor.integration.internal;

import java.time.Clock;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Registers the idempotency filter after Spring Security, so it knows who calls. */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyConfiguration(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(TransactionTemplate transaction) {
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(jdbc, transaction, clock));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(0); // after the security filter chain (-100)
        return registration;
    }
}
