package dev.kontor.orders.jobs;

import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.catalog.ReservationExpired;
import dev.kontor.orders.Orders;
import dev.kontor.timeline.Change;
import dev.kontor.timeline.Timeline;
import dev.kontor.timeline.TimelineEntry;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Writes into the order's timeline what happened to its stock without anyone touching the order. */
@Component
class StockEvents {

    private final Timeline timeline;

    StockEvents(Timeline timeline) {
        this.timeline = timeline;
    }

    /**
     * After the release committed (so only units that really went back are reported), in its own transaction; the
     * event publication registry keeps the event until this ran, and a second delivery writes nothing.
     */
    @ApplicationModuleListener
    void holdExpired(ReservationExpired event) {
        Actor job = Actor.system("reservation expiry");
        timeline.recordOnce(
                event.key(),
                new TimelineEntry(
                        null,
                        Orders.SUBJECT,
                        event.orderId(),
                        event.releasedAt(),
                        null,
                        job.displayName(),
                        "order.hold-expired",
                        List.<Change>of(),
                        null,
                        Map.of("sku", event.sku(), "quantity", Integer.toString(event.quantity()))));
    }
}
