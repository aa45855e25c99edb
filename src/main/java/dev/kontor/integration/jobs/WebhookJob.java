package dev.kontor.integration.jobs;

import dev.kontor.integration.WebhookDispatcher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends the due webhook deliveries every couple of seconds; each instance takes what no other holds. */
@Component
class WebhookJob {

    private final WebhookDispatcher dispatcher;

    WebhookJob(WebhookDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelayString = "${kontor.webhooks.interval:PT2S}", initialDelayString = "PT10S")
    void send() {
        while (dispatcher.run(50) == 50) {
            // a full batch: more may be due
        }
    }
}
