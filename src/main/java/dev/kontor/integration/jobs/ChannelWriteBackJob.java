package dev.kontor.integration.jobs;

import dev.kontor.integration.ChannelWriteBack;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Tells the channels' connectors what happened to their orders, every few seconds, on any instance. */
@Component
class ChannelWriteBackJob {

    private final ChannelWriteBack writeBack;

    ChannelWriteBackJob(ChannelWriteBack writeBack) {
        this.writeBack = writeBack;
    }

    @Scheduled(fixedDelayString = "${kontor.channels.interval:PT5S}", initialDelayString = "PT15S")
    void tell() {
        while (writeBack.run(50) == 50) {
            // a full batch: more may be due
        }
    }
}
