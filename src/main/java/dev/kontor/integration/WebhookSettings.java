package dev.kontor.integration;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery, {@code kontor.webhooks.*}.
 *
 * @param allowLocalhost         webhooks to this machine, plain HTTP too (development, tests); off in production
 * @param allowPrivateNetworks   webhooks to private addresses (10.x, 192.168.x…): off, against request forgery
 * @param connectTimeout         how long a connection may take
 * @param timeout                how long an endpoint may take to answer, whole
 * @param firstRetry             the wait after a first failure; each next one doubles, up to {@code maxRetryInterval}
 * @param giveUpAfter            how long a delivery is retried before it is dead (and its webhook turned off)
 * @param interval               how often the job sends
 * @param concurrency            how many deliveries one instance sends at once (an order's deliveries to one webhook
 *                               are always sent one after another)
 */
@ConfigurationProperties("kontor.webhooks")
public record WebhookSettings(
        @DefaultValue("false") boolean allowLocalhost,
        @DefaultValue("false") boolean allowPrivateNetworks,
        @DefaultValue("PT5S") Duration connectTimeout,
        @DefaultValue("PT10S") Duration timeout,
        @DefaultValue("PT30S") Duration firstRetry,
        @DefaultValue("PT6H") Duration maxRetryInterval,
        @DefaultValue("P3D") Duration giveUpAfter,
        @DefaultValue("PT2S") Duration interval,
        @DefaultValue("8") int concurrency) {

    WebhookTarget.Allowed allowed() {
        return new WebhookTarget.Allowed(allowLocalhost, allowPrivateNetworks);
    }

    /**
     * When to try again after a failure at {@code at}, the {@code attempts}-th, of something first failing at
     * {@code firstFailed} ({@code null}: this is the first failure); nothing when that would be past the retry window
     * (given up).
     */
    public Optional<Instant> retryAt(int attempts, Instant firstFailed, Instant at) {
        Instant first = firstFailed == null ? at : firstFailed;
        Instant next = at.plus(backoff(attempts));
        return next.isAfter(first.plus(giveUpAfter)) ? Optional.empty() : Optional.of(next);
    }

    /** The wait after the {@code attempts}-th failed attempt: doubling from the first retry, capped. */
    public Duration backoff(int attempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(maxRetryInterval) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetryInterval) > 0 ? maxRetryInterval : wait;
    }
}
