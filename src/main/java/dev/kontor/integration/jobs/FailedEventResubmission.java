package dev.kontor.integration.jobs;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The outbox's second chance: every minute, event publications whose listener failed (threw, or whose instance died
 * while it ran and the staleness monitor gave up on it) are delivered again, a batch at a time. The registry claims
 * each publication it resubmits, so two instances do not deliver the same one at once; listeners still tolerate a
 * second delivery (decision 0016).
 */
@Component
class FailedEventResubmission {

    private final FailedEventPublications failed;
    private final Duration after;

    FailedEventResubmission(
            FailedEventPublications failed, @Value("${kontor.events.resubmit-after:PT1M}") Duration after) {
        this.failed = failed;
        this.after = after;
    }

    @Scheduled(
            fixedDelayString = "${kontor.events.resubmit-interval:PT1M}",
            initialDelayString = "${kontor.events.resubmit-interval:PT1M}")
    void resubmit() {
        failed.resubmit(ResubmissionOptions.defaults().withMinAge(after).withBatchSize(100));
    }
}
