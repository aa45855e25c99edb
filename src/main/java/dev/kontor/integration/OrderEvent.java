package dev.kontor.integration;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An order's event as integrators receive it: a CloudEvents 1.0 envelope in its JSON format (docs/events.md). The
 * per-order {@code sequence} lets a receiver drop an event older than one it already applied; the {@code cursor}
 * orders all events in commit order and resumes the polling feed ({@code GET /api/events?after=cursor}).
 *
 * @param id          unique: a receiver that sees an id twice (delivery is at least once) ignores the second
 * @param source      this Kontor installation's orders
 * @param type        {@code dev.kontor.order.approved} and so on ({@link OrderEventTypes#ALL}, prefixed)
 * @param subject     the order's number
 * @param sequence    the event's place among its order's events: 1, 2, 3…
 * @param cursor      the event's place among all events, in commit order
 * @param data        the order as it stood after the change: number, channel, external id, the three statuses,
 *                    currency, total, paid and refunded (minor units), version
 */
@Schema(name = "OrderEvent")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderEvent(
        @Schema(example = "1.0") String specversion,
        @Schema(example = "1042") String id,

        @Schema(example = "https://kontor.example.com/api/orders")
        String source,

        @Schema(example = "dev.kontor.order.approved") String type,
        @Schema(example = "SO-000123") String subject,
        Instant time,
        @Schema(example = "application/json") String datacontenttype,

        @Schema(example = "3", description = "The event's place among its order's events")
        long sequence,

        @Schema(example = "1042", description = "The event's place among all events, in commit order")
        long cursor,

        @Schema(example = "Li Na") String actor,
        Map<String, Object> data) {

    /** The type prefix of Kontor's events. */
    public static final String TYPE_PREFIX = "dev.kontor.";
}
