package dev.kontor.orders;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Users;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.Problems;
import dev.kontor.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How an order is organised, which is not its content: its tags and who is responsible. Allowed in every state but
 * deleted, shipped or not, to those the policy gives {@link Permission#ORDER_TAG}; nothing changes and nothing is
 * recorded when the order already is as asked.
 */
@Service
public class OrderOrganising {

    private final OrderChanges changes;
    private final Users users;
    private final Clock clock;

    OrderOrganising(OrderChanges changes, Users users, Clock clock) {
        this.changes = changes;
        this.users = users;
        this.clock = clock;
    }

    /** Adds and removes tags (a tag both added and removed is removed). */
    @Transactional
    public Order retag(Actor actor, long id, Integer expectedVersion, Set<String> add, Set<String> remove) {
        Set<String> adding = cleaned(add, new TreeSet<>());
        Set<String> removing = cleaned(remove, new TreeSet<>());
        if (adding.isEmpty() && removing.isEmpty()) {
            throw InvalidInputException.of("tags", "validation.required");
        }
        Problems problems = new Problems();
        OrderInputRules.checkTags(adding, problems);
        problems.throwIfAny();
        Order order = changes.lockAllowed(actor, id, expectedVersion, Permission.ORDER_TAG);
        Set<String> tags = new TreeSet<>(order.content().tags());
        tags.addAll(adding);
        tags.removeAll(removing);
        if (tags.size() > OrderInputRules.MAX_TAGS) {
            throw InvalidInputException.of("tags", "validation.tags.too-many", OrderInputRules.MAX_TAGS);
        }
        return organise(actor, order, order.content().withTags(tags), "order.tagged");
    }

    /** Makes a user (or nobody, with {@code null}) responsible for the order. */
    @Transactional
    public Order assign(Actor actor, long id, Integer expectedVersion, Long userId) {
        if (userId != null && !isEnabledUser(userId)) {
            throw InvalidInputException.of("responsibleId", "validation.user.unknown", userId);
        }
        Order order = changes.lockAllowed(actor, id, expectedVersion, Permission.ORDER_TAG);
        return organise(actor, order, order.content().withResponsible(userId), "order.assigned");
    }

    /** The order desk marks the order received ({@link Order#receive}): a change in its timeline, by whom. */
    @Transactional
    public Order receive(Actor actor, long id, Integer expectedVersion) {
        Order order = changes.lockAllowed(actor, id, expectedVersion, Permission.ORDER_RECEIVE);
        Order before = order.copy();
        order.receive(actor.displayName(), clock.instant());
        return changes.save(actor, before, order, "order.received", null, Map.of());
    }

    private boolean isEnabledUser(long userId) {
        try {
            return users.byId(userId).enabled();
        } catch (NotFoundException e) {
            return false;
        }
    }

    private Order organise(Actor actor, Order order, OrderContent content, String action) {
        if (content.equals(order.content())) {
            return order;
        }
        Order before = order.copy();
        order.organise(content);
        return changes.save(actor, before, order, action, null, Map.of());
    }

    private static Set<String> cleaned(Set<String> tags, Set<String> into) {
        if (tags != null) {
            tags.stream().map(Text::clean).filter(Objects::nonNull).collect(Collectors.toCollection(() -> into));
        }
        return into;
    }
}
