package dev.kontor.bulk;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How an instance works off bulk jobs ({@code kontor.bulk.*}).
 *
 * @param threads threads per instance once a full batch was found (each claims its own batches, as another instance
 *     would)
 * @param pollInterval how often an idle instance looks for work
 * @param lease how long an instance's claim on items lasts: items a crashed instance claimed are taken over after it
 */
@ConfigurationProperties("kontor.bulk")
public record BulkSettings(
        @DefaultValue("2") int threads,
        @DefaultValue("PT1S") Duration pollInterval,
        @DefaultValue("PT5M") Duration lease) {

    public BulkSettings {
        threads = Math.max(1, threads);
    }
}
