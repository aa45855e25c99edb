package dev.kontor.integration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.integration.internal.OrderEventRepository;
import dev.kontor.integration.internal.WebhookRepository;
import dev.kontor.integration.internal.WebhookRepository.Delivery;
import dev.kontor.integration.internal.WebhookRepository.Subscription;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.Problems;
import dev.kontor.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhooks, as an admin keeps them (docs/webhooks.md): an HTTPS endpoint subscribed to some of the order's event types
 * (none: all), its secret shown once and rotated with a day's overlap, its deliveries (the dead ones with their last
 * error, status and answer), a replay from a cursor or a time, and turning it back on after Kontor turned it off.
 */
@Service
public class Webhooks {

    /** How long a rotated secret still signs deliveries, beside the new one. */
    public static final Duration OVERLAP = Duration.ofHours(24);

    private final WebhookRepository webhooks;
    private final OrderEventRepository events;
    private final Permissions permissions;
    private final WebhookSettings settings;
    private final Clock clock;
    private final WebhookTarget.Resolver resolver;

    Webhooks(
            WebhookRepository webhooks,
            OrderEventRepository events,
            Permissions permissions,
            WebhookSettings settings,
            Clock clock) {
        this.webhooks = webhooks;
        this.events = events;
        this.permissions = permissions;
        this.settings = settings;
        this.clock = clock;
        this.resolver = WebhookTarget.DNS;
    }

    /** A webhook as its admin sees it (never its secret). */
    public record Webhook(
            long id,
            String url,
            String description,
            List<String> eventTypes,
            boolean active,
            Instant disabledAt,
            String disabledReason,
            Instant lastSuccessAt,
            Instant createdAt,
            String createdBy,
            Map<String, Long> deliveries) {}

    /** A webhook just made or given a new secret: the secret, shown this once. */
    public record WithSecret(Webhook webhook, String secret) {}

    /** What an admin writes: the URL, a note, the event types (none: every type). */
    public record Definition(String url, String description, List<String> eventTypes) {}

    @Transactional
    public WithSecret subscribe(Actor actor, Definition d) {
        permissions.requireAllowed(actor, Permission.INTEGRATION_MANAGE, Situation.NONE);
        List<String> types = checked(d);
        String secret = WebhookSignature.newSecret();
        long id = webhooks.insert(
                d.url().strip(),
                Text.clean(d.description()),
                types,
                secret,
                events.lastPosition(), // from now on: a replay sends what came before
                clock.instant(),
                actor.displayName());
        return new WithSecret(view(webhooks.find(id).orElseThrow()), secret);
    }

    @Transactional
    public Webhook change(Actor actor, long id, Definition d) {
        permissions.requireAllowed(actor, Permission.INTEGRATION_MANAGE, Situation.NONE);
        find(id);
        webhooks.update(id, d.url().strip(), Text.clean(d.description()), checked(d));
        return get(actor, id);
    }

    /** A new secret; the old one keeps signing (beside it) for {@link #OVERLAP}, while receivers move over. */
    @Transactional
    public WithSecret rotate(Actor actor, long id) {
        permissions.requireAllowed(actor, Permission.INTEGRATION_MANAGE, Situation.NONE);
        find(id);
        String secret = WebhookSignature.newSecret();
        webhooks.rotate(id, secret, clock.instant().plus(OVERLAP));
        return new WithSecret(get(actor, id), secret);
    }

    /** Turns a webhook back on (after Kontor turned it off, or its admin did): what waits is sent again. */
    @Transactional
    public Webhook enable(Actor actor, long id) {
        permissions.requireAllowed(actor, Permission.INTEGRATION_MANAGE, Situation.NONE);
        find(id);
        webhooks.enable(id);
        return get(actor, id);
    }

    @Transactional
    public Webhook disable(Actor actor, long id) {
        permissions.requireAllowed(actor, Permission.INTEGRATION_MANAGE, Situation.NONE);
        find(id);
        webhooks.disable(id, clock.instant(), "webhook.disabled.by-admin");
        return get(actor, id);
    }

    @Transactional
    public void delete(Actor actor, long id) {
        permissions.requireAllowed(actor, Permission.INTEGRATION_MANAGE, Situation.NONE);
        find(id);
        webhooks.delete(id);
    }

    @Transactional(readOnly = true)
    public List<Webhook> all(Actor actor) {
        permissions.requireAllowed(actor, Permission.INTEGRATION_MANAGE, Situation.NONE);
        java.util.Map<Long, java.util.Map<String, Long>> counts = webhooks.countsOfAll(); // one query, not one each
        return webhooks.all().stream()
                .map(s -> view(s, counts.getOrDefault(s.id(), java.util.Map.of())))
                .toList();
    }

    @Transactional(readOnly = true)
    public Webhook get(Actor actor, long id) {
        permissions.requireAllowed(actor, Permission.INTEGRATION_MANAGE, Situation.NONE);
        return view(find(id));
    }

    /** A webhook's deliveries, newest first, of one status ({@code DEAD}: the dead letters) or any. */
    @Transactional(readOnly = true)
    public List<Delivery> deliveries(Actor actor, long id, String status, int limit) {
        permissions.requireAllowed(actor, Permission.INTEGRATION_MANAGE, Situation.NONE);
        find(id);
        String wanted = Text.clean(status);
        if (wanted != null && !List.of("PENDING", "DELIVERED", "DEAD").contains(wanted)) {
            new Problems().add("status", "validation.unknown-value", wanted).throwIfAny();
        }
        return webhooks.deliveries(id, wanted, Math.min(Math.max(limit, 1), 500));
    }

    /**
     * Sends the webhook's events again, from a cursor (the events after it) or a time (the events from then on), as new
     * deliveries after what waits. Answers how many. A cursor Kontor never gave is refused naming {@code after}.
     */
    @Transactional
    public int replay(Actor actor, long id, Long after, Instant since) {
        permissions.requireAllowed(actor, Permission.INTEGRATION_MANAGE, Situation.NONE);
        find(id);
        long last = events.lastPosition();
        Problems problems = new Problems();
        if (after == null && since == null) {
            problems.add("after", "validation.webhook.replay-from");
        } else if (after != null && (after < 0 || after > last)) {
            problems.add("after", "validation.events.cursor", Long.toString(after));
        }
        problems.throwIfAny();
        long from = after != null ? after : events.positionBefore(since);
        return webhooks.replay(id, from, last, clock.instant());
    }

    private Subscription find(long id) {
        return webhooks.find(id).orElseThrow(() -> new NotFoundException("webhook", id));
    }

    private List<String> checked(Definition d) {
        Problems problems = new Problems();
        if (d == null || Text.clean(d.url()) == null) {
            problems.add("url", "validation.required");
        } else if (d.url().strip().length() > 2000) {
            problems.add("url", "validation.too-long", 2000);
        } else {
            WebhookTarget.refusal(d.url(), settings.allowed(), resolver)
                    .ifPresent(key -> problems.add("url", key, d.url().strip()));
        }
        LinkedHashSet<String> types = new LinkedHashSet<>();
        if (d != null && d.eventTypes() != null) {
            for (String type : d.eventTypes()) {
                if (!OrderEvents.isType(type)) {
                    problems.add("eventTypes", "validation.events.type", type, String.join(", ", OrderEventTypes.ALL));
                } else {
                    types.add(OrderEvents.unprefixed(type));
                }
            }
        }
        if (d != null
                && Text.clean(d.description()) != null
                && d.description().strip().length() > 200) {
            problems.add("description", "validation.too-long", 200);
        }
        problems.throwIfAny();
        return List.copyOf(types);
    }

    private Webhook view(Subscription s) {
        return view(s, webhooks.counts(s.id()));
    }

    private static Webhook view(Subscription s, java.util.Map<String, Long> counts) {
        return new Webhook(
                s.id(),
                s.url(),
                s.description(),
                s.eventTypes(),
                s.active(),
                s.disabledAt(),
                s.disabledReason(),
                s.lastSuccessAt(),
                s.createdAt(),
                s.createdBy(),
                counts);
    }
}
