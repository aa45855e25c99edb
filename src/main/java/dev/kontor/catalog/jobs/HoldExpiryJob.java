package dev.kontor.catalog.jobs;

import dev.kontor.access.Actor;
import dev.kontor.catalog.Reservations;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every minute, releases drafts' holds whose working days are over. Safe on every instance at once. */
@Component
class HoldExpiryJob {

    private static final int BATCH = 100;

    private final Reservations reservations;

    HoldExpiryJob(Reservations reservations) {
        this.reservations = reservations;
    }

    @Scheduled(fixedDelayString = "${kontor.inventory.expiry-check:PT1M}", initialDelayString = "PT30S")
    void releaseExpired() {
        Actor job = Actor.system("reservation expiry");
        while (reservations.releaseExpired(job, BATCH) == BATCH) {
            // another batch is due
        }
    }
}
