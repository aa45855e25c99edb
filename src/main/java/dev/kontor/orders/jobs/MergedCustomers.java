package dev.kontor.orders.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.kontor.customers.CustomersMerged;
import dev.kontor.orders.Orders;
import dev.kontor.orders.internal.OrderFlags;
import dev.kontor.timeline.Change;
import dev.kontor.timeline.Timeline;
import dev.kontor.timeline.TimelineEntry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Two customers were merged: in the merging transaction, the merged customer's orders move to the kept one (each
 * with a timeline entry), so the merge is whole or not at all and no order points at a customer that is gone.
 */
@Component
class MergedCustomers {

    private final OrderFlags orders;
    private final Timeline timeline;
    private final Clock clock;

    MergedCustomers(OrderFlags orders, Timeline timeline, Clock clock) {
        this.orders = orders;
        this.timeline = timeline;
        this.clock = clock;
    }

    @EventListener
    void on(CustomersMerged event) {
        Instant now = clock.instant();
        List<Long> moved = orders.moveCustomer(event.mergedId(), event.keptId(), event.by(), now);
        timeline.recordAll(moved.stream()
                .map(id -> new TimelineEntry(
                        null,
                        Orders.SUBJECT,
                        id,
                        now,
                        null,
                        event.by(),
                        "order.customer-merged",
                        List.of(Change.of(
                                "customer",
                                event.mergedName() + " (#" + event.mergedId() + ")",
                                event.keptName() + " (#" + event.keptId() + ")")),
                        null,
                        Map.of()))
                .toList());
    }
}
