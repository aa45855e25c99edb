package dev.kontor.integration.jobs;

import dev.kontor.integration.OrderEvents;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives committed order events their cursor, in commit order, every second: the feed and the webhooks see an event at
 * most about a second after its change committed. Safe with several instances: one sequences at a time.
 */
@Component
class EventSequencerJob {

    private final OrderEvents events;

    EventSequencerJob(OrderEvents events) {
        this.events = events;
    }

    @Scheduled(
            fixedDelayString = "${kontor.events.sequence-interval:PT1S}",
            initialDelayString = "${kontor.events.sequence-interval:PT1S}")
    void sequence() {
        events.sequence();
    }
}
