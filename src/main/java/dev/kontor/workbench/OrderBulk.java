package dev.kontor.workbench;

import java.util.Collection;

import dev.kontor.access.Actor;
import dev.kontor.bulk.BulkJob;
import dev.kontor.bulk.BulkJobs;
import dev.kontor.orders.Orders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk actions on orders from a list: on the chosen orders, or on every order the list shows the user (oldest
 * first, at most {@link BulkJobs#MAX_ITEMS}). The job is the bulk module's; what it does to each order is the orders
 * module's.
 */
@Service
public class OrderBulk {

    private final BulkJobs jobs;
    private final OrderLists lists;

    OrderBulk(BulkJobs jobs, OrderLists lists) {
        this.jobs = jobs;
        this.lists = lists;
    }

    /** A job over the chosen orders, in the order given (unknown and deleted ones left out). */
    @Transactional
    public BulkJob start(Actor actor, BulkAction action, String argument, Collection<Long> orderIds) {
        return start(actor, action, argument, orderIds, null);
    }

    /** {@link #start}, once per request key: the user's job with this key if there is one. */
    @Transactional
    public BulkJob start(
            Actor actor, BulkAction action, String argument, Collection<Long> orderIds, String requestKey) {
        return jobs.start(actor, new BulkJobs.Request(Orders.SUBJECT, action.name(), argument, orderIds, requestKey));
    }

    /** A job over every order the list with this filter shows the user, oldest first. */
    @Transactional
    public BulkJob startForList(Actor actor, BulkAction action, String argument, OrderFilter filter) {
        return startForList(actor, action, argument, filter, null);
    }

    /** {@link #startForList}, once per request key. */
    @Transactional
    public BulkJob startForList(
            Actor actor, BulkAction action, String argument, OrderFilter filter, String requestKey) {
        return start(actor, action, argument, lists.ids(actor, filter, BulkJobs.MAX_ITEMS), requestKey);
    }

    /** The argument a form or a request gives the action: a hold's reason, a tag, the user to make responsible. */
    public static String argument(BulkAction action, String reason, String tag, String responsibleId) {
        return switch (action) {
            case HOLD -> reason;
            case TAG, UNTAG -> tag;
            case ASSIGN -> responsibleId;
            default -> null;
        };
    }
}
