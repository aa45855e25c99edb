package dev.kontor.workbench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kontor.access.Actor;
import dev.kontor.access.Permissions;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.shared.Text;
import dev.kontor.workbench.internal.ListQueries;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order lists customer service works from: every order or a task view (to review, unpaid, overdue, to ship,
 * blacklisted), filtered, searched in one box, sorted and paged, with live counts, each showing only the orders the
 * user may see. The search asks every {@link OrderFinder} too (fulfilment: tracking numbers; payer accounts).
 */
@Service
public class OrderLists {

    private final ListQueries queries;
    private final Permissions permissions;
    private final ObjectProvider<OrderFinder> finders;

    OrderLists(ListQueries queries, Permissions permissions, ObjectProvider<OrderFinder> finders) {
        this.queries = queries;
        this.permissions = permissions;
        this.finders = finders;
    }

    /** One page of the orders this user may see that match the filter. */
    @Transactional(readOnly = true)
    public OrderPage list(
            Actor actor, OrderFilter filter, OrderSort sort, boolean descending, String cursor, int limit) {
        return queries.find(visibleTo(actor, filter), sort, descending, cursor, Math.min(Math.max(limit, 1), 200));
    }

    /**
     * The orders this user may see that match the filter, as a condition another read model adds to its statement
     * over {@code orders o} (the sales board): the same orders the list shows, found by the same indexes.
     */
    public OrderCondition condition(Actor actor, OrderFilter filter) {
        return queries.condition(visibleTo(actor, filter));
    }

    @Transactional(readOnly = true)
    public long count(Actor actor, OrderFilter filter) {
        return queries.count(visibleTo(actor, filter));
    }

    /** How many orders this user may see match the filter, per channel. */
    @Transactional(readOnly = true)
    public Map<String, Long> countByChannel(Actor actor, OrderFilter filter) {
        return queries.countByChannel(visibleTo(actor, filter));
    }

    @Transactional(readOnly = true)
    public Map<LifecycleStatus, Long> countByLifecycle(Actor actor) {
        return queries.countByLifecycle(permissions.seesAllOrders(actor) ? null : actor.userId());
    }

    /**
     * The ids of the orders this user may see that match the filter, oldest first, at most {@code limit + 1} (so a
     * caller can refuse a selection that is too large): what a bulk job over a whole list works on.
     */
    @Transactional(readOnly = true)
    public List<Long> ids(Actor actor, OrderFilter filter, int limit) {
        return queries.ids(visibleTo(actor, filter), limit);
    }

    /**
     * Why each order of a search's page matched the text: a key of {@code search.matched.*} (number, external,
     * email, phone, name, sku, tracking, payer-account) by order id.
     */
    @Transactional(readOnly = true)
    public Map<Long, String> matchedKeys(String query, List<Long> ids) {
        Map<Long, String> keys = new HashMap<>(queries.matchedKeys(query, ids));
        String q = Text.clean(query);
        if (q != null && q.length() <= 200 && keys.size() < ids.size()) {
            finders.orderedStream()
                    .forEach(
                            f -> f.find(q).stream().filter(ids::contains).forEach(id -> keys.putIfAbsent(id, f.key())));
        }
        return keys;
    }

    /** The filter as this user may see it: the finders' matches added to a search, sales narrowed to their own. */
    OrderFilter visibleTo(Actor actor, OrderFilter filter) {
        OrderFilter searched = filter;
        String q = Text.clean(filter.query());
        if (q != null && q.length() <= 200) {
            Set<Long> found = new HashSet<>();
            finders.orderedStream().forEach(f -> found.addAll(f.find(q)));
            searched = found.isEmpty() ? filter : filter.alsoMatching(found);
        }
        return permissions.seesAllOrders(actor) ? searched : searched.visibleTo(actor.userId());
    }
}
