package dev.kontor.integration;

import java.util.ArrayList;
import java.util.List;

import dev.kontor.integration.internal.OrderEventRepository;
import dev.kontor.integration.internal.OrderEventRepository.NewEvent;
import dev.kontor.timeline.TimelineEntry;
import dev.kontor.timeline.TimelineRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the order's events as its timeline grows, inside the transaction of the change: an event exists if and only
 * if the change does (the outbox), one statement for however many entries were recorded together.
 */
@Component
class OrderEventRecorder {

    /** The timeline's subject type for orders. */
    private static final String ORDER = "order";

    private final OrderEventRepository events;

    OrderEventRecorder(OrderEventRepository events) {
        this.events = events;
    }

    @EventListener
    void on(TimelineRecorded recorded) {
        List<NewEvent> written = new ArrayList<>();
        for (TimelineEntry entry : recorded.entries()) {
            if (ORDER.equals(entry.subjectType())) {
                OrderEventTypes.of(entry.action(), entry.details())
                        .ifPresent(type -> written.add(new NewEvent(
                                entry.subjectId(),
                                type,
                                entry.occurredAt(),
                                entry.actorName(),
                                entry.details(),
                                entry.reason())));
            }
        }
        events.insert(written);
    }
}
