package dev.kontor.integration;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.kontor.integration.internal.ChannelUpdateRepository;
import dev.kontor.integration.internal.ChannelUpdateRepository.Due;
import dev.kontor.integration.internal.OrderEventRepository;
import dev.kontor.timeline.Timeline;
import dev.kontor.timeline.TimelineEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells marketplaces what happened to their orders (docs/channels.md): the order's events that a channel with a
 * {@link ChannelConnector} must hear — shipped, cancelled, refunded, a note for the marketplace — become updates once,
 * and a background job hands each to its connector outside any transaction, an order's updates one after another,
 * retried as webhooks are; the outcome (what the channel said, or that it was given up) goes into the order's timeline.
 * The order list filters the orders whose channel has not confirmed everything yet.
 */
@Service
public class ChannelWriteBack {

    private static final Logger log = LoggerFactory.getLogger(ChannelWriteBack.class);
    /** The timeline's subject type for orders. */
    private static final String ORDER = "order";

    private final ChannelUpdateRepository updates;
    private final OrderEventRepository events;
    private final ObjectProvider<ChannelConnector> connectors;
    private final WebhookSettings retries;
    private final TransactionTemplate transaction;
    private final Timeline timeline;
    private final Clock clock;

    ChannelWriteBack(
            ChannelUpdateRepository updates,
            OrderEventRepository events,
            ObjectProvider<ChannelConnector> connectors,
            WebhookSettings retries,
            TransactionTemplate transaction,
            Timeline timeline,
            Clock clock) {
        this.updates = updates;
        this.events = events;
        this.connectors = connectors;
        this.retries = retries;
        this.transaction = transaction;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** The channels some connector speaks for. */
    public Set<String> channels() {
        Set<String> channels = new LinkedHashSet<>();
        connectors.orderedStream().forEach(c -> channels.addAll(c.channels()));
        return channels;
    }

    /** One round: new events to updates, then up to {@code limit} due updates told. Answers how many were tried. */
    public int run(int limit) {
        Set<String> channels = channels();
        if (channels.isEmpty()) {
            return 0;
        }
        long last = events.lastPosition();
        Instant now = clock.instant();
        transaction.executeWithoutResult(s -> updates.fanOut(channels, last, now));
        List<Due> due = transaction.execute(
                s -> updates.lease(now, now.plus(retries.timeout().multipliedBy(6)), limit));
        if (due == null) {
            return 0;
        }
        for (Due update : due) {
            tell(update);
        }
        return due.size();
    }

    private void tell(Due due) {
        ChannelUpdateKind kind = ChannelUpdateKind.valueOf(due.kind());
        ChannelUpdate update = update(due, kind);
        Optional<ChannelConnector> connector = connectors
                .orderedStream()
                .filter(c -> c.channels().contains(due.channel()))
                .findFirst();
        Instant at = clock.instant();
        try {
            if (connector.isEmpty()) {
                throw new IllegalStateException("no connector for " + due.channel() + " any more");
            }
            String result = connector.get().tell(update);
            transaction.executeWithoutResult(s -> {
                updates.confirmed(due.id(), at, result);
                record(due, kind, "order.channel-told", Map.of("channelResult", result == null ? "" : result));
            });
        } catch (Exception e) {
            Instant next =
                    retries.retryAt(due.attempts() + 1, due.firstFailedAt(), at).orElse(null);
            boolean dead = next == null;
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            String kept = error.length() > 500 ? error.substring(0, 500) : error;
            transaction.executeWithoutResult(s -> {
                updates.failed(due.id(), at, kept, next);
                if (dead) {
                    record(due, kind, "order.channel-failed", Map.of("error", kept));
                }
            });
            log.info(
                    "Channel {} update {} of {}: {}{}",
                    due.channel(),
                    due.id(),
                    due.orderNumber(),
                    kept,
                    dead ? " — given up" : "");
        }
    }

    @SuppressWarnings("unchecked")
    private static ChannelUpdate update(Due due, ChannelUpdateKind kind) {
        Map<String, Object> data = due.data();
        Map<String, Object> details = data.get("details") instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of();
        return new ChannelUpdate(
                due.id(),
                kind,
                due.channel(),
                due.orderNumber(),
                (String) data.get("externalId"),
                kind == ChannelUpdateKind.SHIPPED ? (String) details.get("carrier") : null,
                kind == ChannelUpdateKind.SHIPPED ? (String) details.get("trackingNumber") : null,
                kind == ChannelUpdateKind.REFUNDED && data.get("refunded") instanceof Number n ? n.longValue() : null,
                (String) data.get("currency"),
                kind == ChannelUpdateKind.NOTE ? (String) details.get("note") : null,
                due.occurredAt());
    }

    private void record(Due due, ChannelUpdateKind kind, String action, Map<String, String> more) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("channel", due.channel());
        details.put("channelUpdate", kind.name());
        details.putAll(more);
        timeline.record(new TimelineEntry(
                null, ORDER, due.orderId(), clock.instant(), null, "Kontor", action, List.of(), null, details));
    }
}
