package dev.kontor.orders;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.kontor.access.Actor;
import dev.kontor.access.ApprovalRequest;
import dev.kontor.access.Approvals;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.access.Users;
import dev.kontor.orders.internal.OrderRepository;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.StaleVersionException;
import dev.kontor.shared.Text;
import dev.kontor.timeline.Change;
import dev.kontor.timeline.Timeline;
import dev.kontor.timeline.TimelineEntry;
import org.springframework.stereotype.Component;

/**
 * How every use case of the module changes an order: lock it as the actor may see it, at the version they saw,
 * save it with the timeline entry that says who changed what (before and after) and why, or file an approval
 * request for it. The use cases are the transaction boundaries; this runs inside them.
 */
@Component
class OrderChanges {

    private final OrderRepository orders;
    private final Permissions permissions;
    private final Approvals approvals;
    private final Users users;
    private final Timeline timeline;
    private final Clock clock;

    OrderChanges(
            OrderRepository orders,
            Permissions permissions,
            Approvals approvals,
            Users users,
            Timeline timeline,
            Clock clock) {
        this.orders = orders;
        this.permissions = permissions;
        this.approvals = approvals;
        this.users = users;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** Locks the order until the transaction ends, whoever asks (a job, another module's change). */
    Order lock(long id) {
        return orders.lock(id).orElseThrow(() -> new NotFoundException("order", id));
    }

    /**
     * Locks the order for the actor: unknown to them unless they may see it, and refused as stale when someone
     * changed it since they read {@code expectedVersion} (none given: as it is now).
     */
    Order lockAt(Actor actor, long id, Integer expectedVersion) {
        Order order = lock(id);
        if (!permissions.mayView(actor, situation(order, 0))) {
            throw new NotFoundException("order", id);
        }
        if (expectedVersion != null && expectedVersion != order.version()) {
            throw new StaleVersionException("order", id, order.version(), order.updatedBy());
        }
        return order;
    }

    /** {@link #lockAt}, and the permission allowed outright (approval is no way out). */
    Order lockAllowed(Actor actor, long id, Integer expectedVersion, Permission permission) {
        Order order = lockAt(actor, id, expectedVersion);
        permissions.requireAllowed(actor, permission, situation(order, 0));
        return order;
    }

    /** Writes the order and its timeline entry; answers it as stored, at its new version. */
    Order save(Actor actor, Order before, Order order, String action, String reason, Map<String, String> details) {
        order.touchedBy(actor.displayName(), clock.instant());
        Order saved = orders.update(before, order);
        record(
                actor,
                saved,
                action,
                OrderDiff.between(before, saved, userNames(List.of(before, saved))),
                reason,
                details);
        return saved;
    }

    /** Writes the order without a timeline entry of its own (the caller writes one); answers what changed. */
    List<Change> write(Actor actor, Order before, Order order) {
        order.touchedBy(actor.displayName(), clock.instant());
        Order saved = orders.update(before, order);
        return OrderDiff.between(before, saved, userNames(List.of(before, saved)));
    }

    void record(
            Actor actor, Order order, String action, List<Change> changes, String reason, Map<String, String> details) {
        timeline.record(entry(actor, order, action, changes, reason, details));
    }

    /** The timeline entry {@link #record} writes, for writing many at once. */
    TimelineEntry entry(
            Actor actor, Order order, String action, List<Change> changes, String reason, Map<String, String> details) {
        return (new TimelineEntry(
                null,
                Orders.SUBJECT,
                order.id(),
                clock.instant(),
                actor.userId(),
                actor.displayName(),
                action,
                changes,
                reason,
                new LinkedHashMap<>(details)));
    }

    /** Files the request for an action the access policy allows only with a supervisor's approval. */
    ApprovalRequest ask(
            Actor actor,
            Order order,
            String action,
            Map<String, String> payload,
            Integer version,
            String policyWhy,
            String reason) {
        return approvals.request(
                actor,
                new Approvals.Ask(
                        Orders.SUBJECT, order.id(), order.number(), action, payload, version, reason, policyWhy));
    }

    /** The names of the users these orders name (responsible, observers), for the timeline. */
    Function<Long, String> userNames(Collection<Order> named) {
        Set<Long> ids = new HashSet<>();
        for (Order o : named) {
            if (o.content().responsibleId() != null) {
                ids.add(o.content().responsibleId());
            }
            ids.addAll(o.content().observerIds());
        }
        Map<Long, String> names = ids.isEmpty() ? Map.of() : users.displayNames(ids);
        return id -> names.getOrDefault(id, "#" + id);
    }

    /** The order in the access policy's terms. */
    static Situation situation(Order order, int discountBasisPoints) {
        OrderContent c = order.content();
        return new Situation(
                c.responsibleId(),
                c.observerIds(),
                order.lifecycle().name(),
                order.paid() > 0,
                order.fulfilmentStatus() != FulfilmentStatus.UNFULFILLED,
                discountBasisPoints,
                order.received() != null);
    }

    /** A reason the user must give (a hold, an after-sales verb), at most 1,000 characters. */
    static String requireReason(String reason) {
        String why = Text.clean(reason);
        if (why == null) {
            throw InvalidInputException.of("reason", "validation.reason.required");
        }
        return limitReason(why);
    }

    /** A reason the user may give, at most 1,000 characters. */
    static String limitReason(String reason) {
        String why = Text.clean(reason);
        if (why != null && why.length() > 1000) {
            throw InvalidInputException.of("reason", "validation.too-long", 1000);
        }
        return why;
    }
}
