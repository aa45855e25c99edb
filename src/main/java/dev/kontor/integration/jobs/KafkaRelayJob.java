package dev.kontor.integration.jobs;

import dev.kontor.integration.KafkaRelay;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Relays the order's events to Kafka every second, when the relay is on. */
@Component
@ConditionalOnProperty(name = "kontor.events.kafka.enabled", havingValue = "true")
class KafkaRelayJob {

    private final KafkaRelay relay;

    KafkaRelayJob(KafkaRelay relay) {
        this.relay = relay;
    }

    @Scheduled(fixedDelayString = "${kontor.events.kafka.interval:PT1S}", initialDelayString = "PT10S")
    void relay() {
        while (relay.relay(500) == 500) {
            // a full batch: more may be waiting
        }
    }
}
