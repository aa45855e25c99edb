package dev.kontor.orders;

import java.util.List;

/**
 * Many orders moved along their lifecycle by one command (a bulk approval, a marketplace import's batch): one event
 * for all of them, so that a thousand approvals are one publication in the outbox, not a thousand. Each change is
 * what an {@link OrderLifecycleChanged} says of one order; listeners treat them as they would those.
 */
public record OrderLifecycleChanges(List<OrderLifecycleChanged> changes) {

    public OrderLifecycleChanges {
        changes = List.copyOf(changes);
    }
}
