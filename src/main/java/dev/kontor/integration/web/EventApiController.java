package dev.kontor.integration.web;

import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.integration.OrderEvents;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The polling feed of the order's events, for integrators who cannot receive webhooks. */
@RestController
@Tag(name = "Events")
class EventApiController {

    private final OrderEvents events;

    EventApiController(OrderEvents events) {
        this.events = events;
    }

    @GetMapping("/api/events")
    @Operation(
            operationId = "listEvents",
            summary = "The order's events after a cursor",
            description = "CloudEvents 1.0 envelopes (docs/events.md), oldest first, in commit order: ask again with "
                    + "`after` = the answer's `next`. An event appears about a second after its change committed. "
                    + "Each has a per-order `sequence`: apply an order's events in that order and drop one older than "
                    + "what you applied. 422 naming `after` for a cursor Kontor never gave, naming `type` for an "
                    + "unknown type. Needs the right to read every order's events (admins, supervisors).")
    OrderEvents.Page list(
            Actor actor,
            @Parameter(description = "The last cursor you processed; 0 (the default) for the first event")
                    @RequestParam(required = false)
                    Long after,
            @Parameter(description = "Only these types, e.g. order.paid (repeat the parameter for several)")
                    @RequestParam(required = false)
                    List<String> type,
            @Parameter(description = "At most this many (1–500)") @RequestParam(defaultValue = "100") int limit) {
        return events.after(actor, after, type == null ? List.of() : type, limit);
    }
}
