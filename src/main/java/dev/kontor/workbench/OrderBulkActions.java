package dev.kontor.workbench;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kontor.access.Actor;
import dev.kontor.access.Users;
import dev.kontor.bulk.BulkHandler;
import dev.kontor.bulk.BulkItemStatus;
import dev.kontor.documents.DocumentIssuing;
import dev.kontor.orders.ActionOutcome;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderInputRules;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.OrderOrganising;
import dev.kontor.orders.Orders;
import dev.kontor.shared.Message;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.Problems;
import dev.kontor.shared.Text;
import dev.kontor.workbench.internal.ListQueries;
import org.springframework.stereotype.Component;

/**
 * What a bulk job does to each order ({@link BulkAction}): the same command as on one order, so the same rule,
 * permission, timeline entry and result. Approvals go together where they can ({@link OrderLifecycle#approveAll}).
 */
@Component
class OrderBulkActions implements BulkHandler {

    private final OrderLifecycle lifecycle;
    private final OrderOrganising organising;
    private final ListQueries queries;
    private final Users users;
    private final DocumentIssuing invoices;

    OrderBulkActions(
            OrderLifecycle lifecycle,
            OrderOrganising organising,
            ListQueries queries,
            Users users,
            DocumentIssuing invoices) {
        this.invoices = invoices;
        this.lifecycle = lifecycle;
        this.organising = organising;
        this.queries = queries;
        this.users = users;
    }

    @Override
    public String subject() {
        return Orders.SUBJECT;
    }

    @Override
    public String idsField() {
        return "orderIds";
    }

    @Override
    public String check(Actor actor, String action, String argument) {
        String value = Text.clean(argument);
        Problems problems = new Problems();
        switch (BulkAction.valueOf(action)) {
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
                    OrderInputRules.checkTags(Set.of(value), tag);
                    tag.list()
                            .forEach(p -> problems.add("tag", p.code(), p.args().toArray()));
                }
            }
            case ASSIGN -> {
                if (value != null && !isEnabledUser(value)) {
                    problems.add("responsibleId", "validation.user.unknown", value);
                }
            }
            default -> value = null;
        }
        problems.throwIfAny();
        return value;
    }

    private boolean isEnabledUser(String id) {
        try {
            return users.byId(Long.parseLong(id)).enabled();
        } catch (NumberFormatException | NotFoundException e) {
            return false;
        }
    }

    @Override
    public List<Long> present(List<Long> subjectIds) {
        return queries.present(subjectIds);
    }

    @Override
    public BulkItemStatus work(Actor actor, String action, String argument, long id) {
        switch (BulkAction.valueOf(action)) {
            case APPROVE, HOLD, RELEASE -> {
                ActionOutcome outcome = lifecycle.act(actor, id, null, OrderAction.valueOf(action), argument);
                return outcome.isPendingApproval() ? BulkItemStatus.ASKED : BulkItemStatus.DONE;
            }
            case TAG -> organising.retag(actor, id, null, Set.of(argument), Set.of());
            case UNTAG -> organising.retag(actor, id, null, Set.of(), Set.of(argument));
            case ASSIGN -> organising.assign(actor, id, null, argument == null ? null : Long.valueOf(argument));
            case INVOICE -> invoices.invoice(actor, id);
        }
        return BulkItemStatus.DONE;
    }

    @Override
    public boolean worksTogether(String action) {
        return BulkAction.APPROVE.name().equals(action);
    }

    @Override
    public Set<Long> workTogether(Actor actor, String action, String argument, Collection<Long> ids) {
        return worksTogether(action) ? lifecycle.approveAll(actor, ids) : Set.of();
    }

    @Override
    public Map<Long, String> labels(Collection<Long> ids) {
        return queries.numbers(ids);
    }

    @Override
    public String path(long id) {
        return "/orders/" + id;
    }

    @Override
    public Description describe(String action, String argument) {
        BulkAction what = BulkAction.valueOf(action);
        String label = Message.labelKey(what);
        if (what == BulkAction.ASSIGN) {
            String name = argument == null
                    ? null
                    : users.displayNames(List.of(Long.valueOf(argument))).get(Long.valueOf(argument));
            return new Description(label, name == null ? Message.of("bulk.nobody") : Message.text(name), false);
        }
        return new Description(label, argument == null ? null : Message.text(argument), true);
    }
}
