package dev.kontor.orders;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.access.Users;
import dev.kontor.orders.internal.BulkJobRepository;
import dev.kontor.orders.internal.OrderQueries;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.Problems;
import dev.kontor.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk actions over chosen orders, or over every order a list shows: the job is written at once and worked off
 * in the background (by any instance), each order with the same rule, permission and timeline entry as when it is
 * acted on alone, and with its own result. Whether the user may act is decided order by order, when it is done.
 */
@Service
public class BulkJobs {

    /** The most orders one job takes. */
    public static final int MAX_ORDERS = 200_000;

    private final BulkJobRepository jobs;
    private final OrderQueries queries;
    private final Orders orders;
    private final Users users;
    private final Clock clock;

    BulkJobs(BulkJobRepository jobs, OrderQueries queries, Orders orders, Users users, Clock clock) {
        this.jobs = jobs;
        this.queries = queries;
        this.orders = orders;
        this.users = users;
        this.clock = clock;
    }

    /** A job over the chosen orders, in the order given (unknown and deleted ones left out). */
    @Transactional
    public BulkJob start(Actor actor, BulkAction action, String argument, Collection<Long> orderIds) {
        return start(actor, action, argument, orderIds, null);
    }

    /**
     * {@link #start}, once per request key: the user's job with this key if there is one (the same request sent
     * again), otherwise a new one under the key.
     */
    @Transactional
    public BulkJob start(
            Actor actor, BulkAction action, String argument, Collection<Long> orderIds, String requestKey) {
        String checked = check(actor, action, argument);
        List<Long> ids = orderIds == null
                ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(
                        orderIds.stream().filter(java.util.Objects::nonNull).toList()));
        if (ids.isEmpty()) {
            throw InvalidInputException.of("orderIds", "validation.bulk.none-chosen");
        }
        if (ids.size() > MAX_ORDERS) {
            throw InvalidInputException.of("orderIds", "validation.bulk.too-many", MAX_ORDERS);
        }
        Optional<Long> inserted = newJob(actor, action, checked, requestKey);
        if (inserted.isEmpty()) {
            return earlier(actor, requestKey).orElseThrow();
        }
        long id = inserted.get();
        int added = jobs.addOrders(id, ids);
        if (added == 0) {
            throw InvalidInputException.of("orderIds", "validation.bulk.none-chosen");
        }
        jobs.setTotal(id, added);
        return jobs.find(id).orElseThrow();
    }

    /** A job over every order the list with this filter shows the user, oldest first. */
    @Transactional
    public BulkJob startForFilter(Actor actor, BulkAction action, String argument, OrderFilter filter) {
        return startForFilter(actor, action, argument, filter, null);
    }

    /** {@link #startForFilter}, once per request key (see {@link #start(Actor, BulkAction, String, Collection, String)}). */
    @Transactional
    public BulkJob startForFilter(
            Actor actor, BulkAction action, String argument, OrderFilter filter, String requestKey) {
        String checked = check(actor, action, argument);
        Optional<Long> inserted = newJob(actor, action, checked, requestKey);
        if (inserted.isEmpty()) {
            return earlier(actor, requestKey).orElseThrow();
        }
        long id = inserted.get();
        int added = queries.addToBulkJob(id, orders.visibleTo(actor, filter), MAX_ORDERS);
        if (added > MAX_ORDERS) {
            throw InvalidInputException.of("orderIds", "validation.bulk.too-many", MAX_ORDERS);
        }
        if (added == 0) {
            throw InvalidInputException.of("orderIds", "validation.bulk.none-chosen");
        }
        jobs.setTotal(id, added);
        return jobs.find(id).orElseThrow();
    }

    /** A new job's id; empty when the user has one with this request key already. */
    private Optional<Long> newJob(Actor actor, BulkAction action, String argument, String requestKey) {
        if (earlier(actor, requestKey).isPresent()) {
            return Optional.empty();
        }
        return jobs.insertJob(action, argument, actor.userId(), actor.displayName(), clock.instant(), requestKey);
    }

    private Optional<BulkJob> earlier(Actor actor, String requestKey) {
        if (requestKey == null) {
            return Optional.empty();
        }
        if (requestKey.length() > 100) {
            throw InvalidInputException.of("key", "validation.too-long", 100);
        }
        return jobs.findByRequestKey(actor.userId(), requestKey);
    }

    /** A job with its progress; its requester, supervisors and admins see it. */
    @Transactional(readOnly = true)
    public BulkJob get(Actor actor, long id) {
        BulkJob job = jobs.find(id).orElseThrow(() -> new NotFoundException("bulk-job", id));
        if (!mayRead(actor, job)) {
            throw new NotFoundException("bulk-job", id);
        }
        return job;
    }

    /** A page of the job's orders and their results, from a position on; only those with a problem if asked. */
    @Transactional(readOnly = true)
    public List<BulkJob.Item> items(Actor actor, long id, boolean problemsOnly, int afterPosition, int limit) {
        get(actor, id);
        return jobs.items(id, problemsOnly, Math.max(afterPosition, 0), Math.min(Math.max(limit, 1), 1000));
    }

    /** The user's latest jobs (everyone's for supervisors and admins), newest first. */
    @Transactional(readOnly = true)
    public List<BulkJob> latest(Actor actor, int limit) {
        return jobs.latest(seesAll(actor) ? null : actor.userId(), limit);
    }

    private String check(Actor actor, BulkAction action, String argument) {
        if (actor.isSystem()) {
            throw new IllegalArgumentException("A bulk job is asked for by a user");
        }
        if (action == null) {
            throw InvalidInputException.of("action", "validation.required");
        }
        String value = Text.clean(argument);
        Problems problems = new Problems();
        switch (action) {
            case HOLD -> {
                if (value == null) {
                    problems.add("reason", "validation.reason.required");
                } else if (value.length() > 1000) {
                    problems.add("reason", "validation.too-long", 1000);
                }
            }
            case TAG, UNTAG -> {
                if (value == null) {
                    problems.add("tag", "validation.required");
                } else {
                    Problems tag = new Problems();
                    OrderInputRules.checkTags(java.util.Set.of(value), tag);
                    tag.list()
                            .forEach(p -> problems.add("tag", p.code(), p.args().toArray()));
                }
            }
            case ASSIGN -> {
                if (value != null) {
                    try {
                        long userId = Long.parseLong(value);
                        if (!users.byId(userId).enabled()) {
                            problems.add("responsibleId", "validation.user.unknown", value);
                        }
                    } catch (NumberFormatException | NotFoundException e) {
                        problems.add("responsibleId", "validation.user.unknown", value);
                    }
                }
            }
            default -> value = null;
        }
        problems.throwIfAny();
        return value;
    }

    private static boolean mayRead(Actor actor, BulkJob job) {
        return seesAll(actor) || (actor.userId() != null && actor.userId() == job.requestedById());
    }

    private static boolean seesAll(Actor actor) {
        return actor.has(Role.SUPERVISOR) || actor.has(Role.ADMIN);
    }
}
