package dev.kontor.orders.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.catalog.ReservationExpired;
import dev.kontor.orders.Orders;
import dev.kontor.timeline.Change;
import dev.kontor.timeline.Timeline;
import dev.kontor.timeline.TimelineEntry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes into the order's timeline what happened to its stock without anyone touching the order. */
@Component
class StockEvents {

    private final Timeline timeline;
    private final Clock clock;

    StockEvents(Timeline timeline, Clock clock) {
        this.timeline = timeline;
        this.clock = clock;
    }

    /** In the releasing transaction: the timeline says so if and only if the units went back. */
    @EventListener
    void holdExpired(ReservationExpired event) {
        Actor job = Actor.system("reservation expiry");
        timeline.record(new TimelineEntry(
                null,
                Orders.SUBJECT,
                event.orderId(),
                clock.instant(),
                null,
                job.displayName(),
                "order.hold-expired",
                List.<Change>of(),
                null,
                Map.of("sku", event.sku(), "quantity", Integer.toString(event.quantity()))));
    }
}
