package dev.kontor.orders.jobs;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.kontor.customers.CustomerBlacklisted;
import dev.kontor.orders.Orders;
import dev.kontor.orders.internal.OrderFlags;
import dev.kontor.timeline.Change;
import dev.kontor.timeline.Timeline;
import dev.kontor.timeline.TimelineEntry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A customer blacklisted: all their orders are flagged (red everywhere, never shipped while flagged). Lifted:
 * the orders their marks caught are cleared. Each order's timeline says so, in the same transaction.
 */
@Component
class BlacklistEvents {

    private final OrderFlags flags;
    private final Timeline timeline;
    private final Clock clock;

    BlacklistEvents(OrderFlags flags, Timeline timeline, Clock clock) {
        this.flags = flags;
        this.timeline = timeline;
        this.clock = clock;
    }

    @EventListener
    void on(CustomerBlacklisted event) {
        List<Long> changed = event.lifted()
                ? flags.unflagBy(event.customerId())
                : flags.flagCustomer(event.customerId(), event.reason());
        for (Long id : changed) {
            timeline.record(new TimelineEntry(
                    null,
                    Orders.SUBJECT,
                    id,
                    clock.instant(),
                    null,
                    event.by(),
                    event.lifted() ? "order.unflagged" : "order.flagged",
                    List.of(Change.of("blacklisted", event.lifted(), !event.lifted())),
                    event.reason(),
                    Map.of()));
        }
    }
}
