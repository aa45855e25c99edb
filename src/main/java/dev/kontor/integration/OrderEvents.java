package dev.kontor.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.integration.internal.OrderEventRepository;
import dev.kontor.shared.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order's events for integrators (docs/events.md): the polling feed, and the sequencing that gives each committed
 * event its cursor. Delivery is at least once; the per-order sequence lets a receiver drop a stale event.
 */
@Service
public class OrderEvents {

    /** The most events one page of the feed holds. */
    public static final int MAX_PAGE = 500;

    private final OrderEventRepository events;
    private final Permissions permissions;
    private final String source;

    OrderEvents(
            OrderEventRepository events,
            Permissions permissions,
            @Value("${kontor.mail.public-url:}") String publicUrl) {
        this.events = events;
        this.permissions = permissions;
        String base = publicUrl == null || publicUrl.isBlank() ? "urn:kontor" : publicUrl.replaceAll("/+$", "");
        this.source = base + (base.startsWith("urn:") ? ":orders" : "/api/orders");
    }

    /** A page of the feed, and the cursor to ask for the next one with. */
    public record Page(List<OrderEvent> events, long next) {}

    /**
     * The events after a cursor (0: from the first), oldest first, of these types (none: every type), for whoever
     * may read every order's events ({@link Permission#INTEGRATION_MANAGE}). A cursor Kontor never gave, or a type that is none, is refused naming it.
     */
    @Transactional(readOnly = true)
    public Page after(Actor actor, Long after, List<String> types, int limit) {
        permissions.requireAllowed(actor, Permission.INTEGRATION_MANAGE, Situation.NONE);
        long from = checkedCursor(after, types);
        List<OrderEvent> page = new ArrayList<>();
        for (OrderEventRepository.Stored s :
                events.after(from, prefixedOff(types), Math.min(Math.max(limit, 1), MAX_PAGE))) {
            page.add(envelope(s));
        }
        return new Page(page, page.isEmpty() ? from : page.get(page.size() - 1).cursor());
    }

    /** The cursor checked: at least 0, at most the last one given; the types checked too. */
    long checkedCursor(Long after, List<String> types) {
        Problems problems = new Problems();
        long from = after == null ? 0 : after;
        if (from < 0 || from > events.lastPosition()) {
            problems.add("after", "validation.events.cursor", Long.toString(from));
        }
        for (String type : types) {
            if (!OrderEventTypes.ALL.contains(unprefixed(type))) {
                problems.add("type", "validation.events.type", type, String.join(", ", OrderEventTypes.ALL));
            }
        }
        problems.throwIfAny();
        return from;
    }

    /**
     * Sequences the events committed since the last run, in commit order; one instance at a time. Answers how many,
     * or nothing when another instance is sequencing.
     */
    @Transactional
    public Optional<Integer> sequence() {
        return events.sequence(5000);
    }

    /** An event as integrators receive it. */
    public OrderEvent envelope(OrderEventRepository.Stored s) {
        return new OrderEvent(
                "1.0",
                Long.toString(s.id()),
                source,
                OrderEvent.TYPE_PREFIX + s.type(),
                s.orderNumber(),
                s.occurredAt(),
                "application/json",
                s.seq(),
                s.position(),
                s.actor(),
                s.data());
    }

    /** {@code dev.kontor.order.paid} or {@code order.paid}: {@code order.paid}. */
    static String unprefixed(String type) {
        return type != null && type.startsWith(OrderEvent.TYPE_PREFIX)
                ? type.substring(OrderEvent.TYPE_PREFIX.length())
                : type;
    }

    private static List<String> prefixedOff(List<String> types) {
        return types.stream().map(OrderEvents::unprefixed).toList();
    }

    /** Whether this is a type of event Kontor writes, with or without its prefix. */
    public static boolean isType(String type) {
        return OrderEventTypes.ALL.contains(unprefixed(type));
    }
}
