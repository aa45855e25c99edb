package dev.kontor.documents;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Kontor sends mail. The SMTP server itself is Spring's {@code spring.mail.host}, {@code .port},
 * {@code .username}, {@code .password}; without a host, mail waits in the queue and shows as not yet sent.
 *
 * @param from        the sender address customers see
 * @param maxAttempts after this many failed attempts a mail is given up (marked failed)
 * @param firstRetry  the wait after the first failure; it doubles with every further failure, up to an hour
 * @param publicUrl   how customers reach Kontor (for links in mail); empty: taken from the request that queues it
 */
@ConfigurationProperties("kontor.mail")
public record MailSettings(
        @DefaultValue("orders@kontor.invalid") String from,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("PT1M") Duration firstRetry,
        @DefaultValue("") String publicUrl) {}
