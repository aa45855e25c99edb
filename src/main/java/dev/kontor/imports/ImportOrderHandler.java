package dev.kontor.imports;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.kontor.access.Actor;
import dev.kontor.bulk.BulkHandler;
import dev.kontor.bulk.BulkItemStatus;
import dev.kontor.imports.internal.ImportRepository;
import dev.kontor.imports.read.MarketStatus;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.Orders;
import dev.kontor.orders.PlacedOrder;
import dev.kontor.payments.PaymentBatches;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.Message;
import dev.kontor.shared.NotFoundException;
import dev.kontor.timeline.Timeline;
import dev.kontor.timeline.TimelineEntry;
import org.springframework.stereotype.Component;

/**
 * Commits one staged order, in the bulk worker's transaction, whole or not at all. A new order is placed by the user
 * who commits, then what its marketplace said is recorded by the import ({@link MarketFacts}) and the shop's review
 * rules decide whether it is approved at once ({@link ReviewRules}). An order Kontor already has (same channel and
 * marketplace order id) is never placed again: what a later file says more (paid now, shipped now, closed) is
 * recorded, what Kontor contradicts is listed as a conflict, and the rest is left unchanged.
 */
@Component
class ImportOrderHandler implements BulkHandler {

    static final String SUBJECT = "import";

    /** The bulk job's action: commit the staged order. */
    static final String COMMIT = "COMMIT";

    private final ImportRepository imports;
    private final ImportBatchChecks checks;
    private final OrderIntake intake;
    private final OrderLifecycle lifecycle;
    private final Orders orders;
    private final MarketFacts facts;
    private final Timeline timeline;
    private final ReviewRuleStore reviewRules;
    private final PaymentBatches paymentBatches;
    private final Clock clock;

    ImportOrderHandler(
            ImportRepository imports,
            ImportBatchChecks checks,
            OrderIntake intake,
            OrderLifecycle lifecycle,
            Orders orders,
            MarketFacts facts,
            Timeline timeline,
            ReviewRuleStore reviewRules,
            PaymentBatches paymentBatches,
            Clock clock) {
        this.paymentBatches = paymentBatches;
        this.imports = imports;
        this.checks = checks;
        this.intake = intake;
        this.lifecycle = lifecycle;
        this.orders = orders;
        this.facts = facts;
        this.timeline = timeline;
        this.reviewRules = reviewRules;
        this.clock = clock;
    }

    @Override
    public String subject() {
        return SUBJECT;
    }

    @Override
    public String idsField() {
        return "importOrderIds";
    }

    /** Every order of a file, however big it is (a million lines are 250,000 Taobao orders). */
    @Override
    public int maxItems() {
        return MAX_ORDERS;
    }

    /** More orders than the largest file the upload limit lets in. */
    static final int MAX_ORDERS = 2_000_000;

    @Override
    public String check(Actor actor, String action, String argument) {
        if (!COMMIT.equals(action)) {
            throw InvalidInputException.of("action", "validation.bulk.action", action);
        }
        return argument;
    }

    @Override
    public List<Long> present(List<Long> subjectIds) {
        return imports.uncommitted(subjectIds);
    }

    /**
     * Commits a claimed batch of staged orders in one transaction (the worker splits a batch that fails and works
     * the rest one by one, so one refused order costs little). Rows the checks rejected are passed over: one by one,
     * they are refused with their reason. The batch's new orders are placed together ({@link OrderIntake#placeAll}),
     * their marketplace payments recorded together ({@link PaymentBatches#recordAll}), those the shop's rules let
     * through approved together ({@link OrderLifecycle#approveHeld}) and their timeline entries and outcomes written
     * together: the same records as committing them one by one, in a few statements per batch.
     */
    @Override
    public Set<Long> workTogether(Actor actor, String action, String argument, Collection<Long> subjectIds) {
        List<ImportRepository.Committable> staged = imports.lockForCommit(subjectIds);
        Set<Long> done = new LinkedHashSet<>();
        if (staged.isEmpty()) {
            return done;
        }
        ImportRepository.Committable first = staged.get(0);
        ImportBatchChecks.Prepared prepared = checks.prepare(
                first.batchId(),
                first.channel(),
                staged.stream().map(ImportRepository.Committable::row).toList());
        ReviewRuleSettings rules = reviewRules.get(); // once for the batch
        List<ImportRepository.Committable> fresh = new ArrayList<>();
        List<ImportChecks.Checked> freshChecked = new ArrayList<>();
        for (ImportRepository.Committable one : staged) {
            ImportChecks.Checked checked = prepared.check(one.row());
            if (checked.verdict() == ImportVerdict.REJECTED) {
                continue; // left for one by one, which says why
            }
            if (prepared.existing(one.row()).isPresent()) {
                commit(actor, one, prepared, rules);
            } else {
                fresh.add(one);
                freshChecked.add(checked);
            }
            done.add(one.row().id());
        }
        placeTogether(actor, fresh, freshChecked, rules);
        return done;
    }

    /** New orders of one import, placed, paid, reviewed and recorded together: see {@link #workTogether}. */
    private void placeTogether(
            Actor actor,
            List<ImportRepository.Committable> fresh,
            List<ImportChecks.Checked> checked,
            ReviewRuleSettings rules) {
        if (fresh.isEmpty()) {
            return;
        }
        Actor market = Actor.system("import " + fresh.get(0).batchName());
        Map<String, Integer> byExternalId = new HashMap<>();
        for (int i = 0; i < fresh.size(); i++) {
            byExternalId.put(fresh.get(i).row().order().externalId(), i);
        }
        // what the review rules let through is approved as it is placed (one write instead of two)
        OrderIntake.Approval approval = new OrderIntake.Approval(
                market,
                order -> {
                    Integer i = byExternalId.get(order.externalId());
                    return i != null
                            && review(order, fresh.get(i).row(), checked.get(i).verdict(), rules)
                                    .approve();
                },
                true); // an order whose stock is short is imported for review, not refused
        List<PlacedOrder> placed = new ArrayList<>(intake.placeAll(
                actor, checked.stream().map(ImportChecks.Checked::input).toList(), approval));
        List<PaymentBatches.Entry> paid = new ArrayList<>();
        List<Integer> created = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
            ImportRepository.Committable staged = fresh.get(i);
            Order order = placed.get(i).order();
            if (!placed.get(i).created()) { // placed by someone else a moment ago
                update(market, staged.row().id(), staged, order, checked.get(i).carrier());
                continue;
            }
            created.add(i);
            if (facts.notesOf(market, order.id(), staged.row().order())) {
                order = orders.get(order.id()); // a note is a change: the order as it is now, at its new version
                placed.set(i, new PlacedOrder(order, true, null));
            }
            if (MarketFacts.atMostPays(order, staged.row().order())) {
                PaymentBatches.Entry payment =
                        MarketFacts.payment(order, staged.row().order());
                if (payment != null) {
                    paid.add(payment);
                }
            } else {
                facts.apply(
                        market, order.id(), staged.row().order(), checked.get(i).carrier());
            }
        }
        Map<Long, Order> afterPayment = paymentBatches.recordAll(market, paid);
        Map<Integer, Message> waits = new HashMap<>();
        List<Order> approving = new ArrayList<>();
        for (int i : created) {
            Order order = placed.get(i).order();
            Review review = review(order, fresh.get(i).row(), checked.get(i).verdict(), rules);
            waits.put(i, review.message());
            if (review.approve() && order.lifecycle() == LifecycleStatus.NEW) { // not approved as placed
                approving.add(afterPayment.getOrDefault(order.id(), order));
            }
        }
        approve(market, approving)
                .forEach(shortId -> created.stream()
                        .filter(i -> placed.get(i).order().id() == shortId)
                        .forEach(i -> waits.put(i, STOCK_SHORT)));
        List<TimelineEntry> imported = new ArrayList<>();
        List<ImportRepository.Outcome> outcomes = new ArrayList<>();
        for (int i : created) {
            Order order = placed.get(i).order();
            imported.add(entry(actor, order.id(), fresh.get(i), "order.imported"));
            outcomes.add(new ImportRepository.Outcome(
                    fresh.get(i).row().id(), ImportOutcome.IMPORTED, order.id(), order.number(), waits.get(i)));
        }
        timeline.recordAll(imported);
        imports.markOutcomes(outcomes);
    }

    @Override
    public boolean worksTogether(String action) {
        return COMMIT.equals(action);
    }

    @Override
    public BulkItemStatus work(Actor actor, String action, String argument, long subjectId) {
        ImportRepository.Committable staged =
                imports.lockForCommit(subjectId).orElseThrow(() -> new NotFoundException("import", subjectId));
        if (staged.row().outcome() != null) {
            return BulkItemStatus.DONE; // committed before this claim (a retried batch)
        }
        commit(
                actor,
                staged,
                checks.prepare(staged.batchId(), staged.channel(), List.of(staged.row())),
                reviewRules.get());
        return BulkItemStatus.DONE;
    }

    /** Places (or updates) one staged order with its marketplace's facts, in the caller's transaction. */
    private void commit(
            Actor actor,
            ImportRepository.Committable staged,
            ImportBatchChecks.Prepared prepared,
            ReviewRuleSettings rules) {
        ImportRow row = staged.row();
        long subjectId = row.id();
        Optional<Long> existing = prepared.existing(row);
        ImportChecks.Checked checked = prepared.check(row);
        if (checked.verdict() == ImportVerdict.REJECTED) {
            throw new ActionRefusedException(
                    "commit", "REJECTED", "import.refused.rejected", row.order().externalId());
        }
        Actor market = Actor.system("import " + staged.batchName());
        if (existing.isPresent()) {
            update(market, subjectId, staged, orders.get(existing.get()), checked.carrier());
            return;
        }
        PlacedOrder placed = intake.place(actor, checked.input(), false);
        Order order = placed.order();
        if (!placed.created()) { // placed by someone else a moment ago
            update(market, subjectId, staged, order, checked.carrier());
            return;
        }
        facts.notesOf(market, order.id(), row.order());
        facts.apply(market, order.id(), row.order(), checked.carrier());
        Review review = review(order, row, checked.verdict(), rules);
        Message outcome = review.message();
        if (review.approve() && !lifecycle.stockShort(List.of(order)).isEmpty()) {
            outcome = STOCK_SHORT; // imported for review rather than refused
        } else if (review.approve()) {
            lifecycle.act(market, order.id(), null, OrderAction.APPROVE, null);
        }
        timeline.record(entry(actor, order.id(), staged, "order.imported"));
        imports.markOutcome(subjectId, ImportOutcome.IMPORTED, order.id(), order.number(), outcome);
    }

    /**
     * Approves what the review rules let through and was not approved as placed — together what may simply be
     * approved, the rest one by one, which asks or says why — except what the stock is short for (an item not
     * backordered), which waits for review: answers those orders' ids.
     */
    private Set<Long> approve(Actor market, List<Order> approving) {
        if (approving.isEmpty()) {
            return Set.of();
        }
        Set<Long> shortOfStock = lifecycle.stockShort(approving);
        List<Order> stocked = approving.stream()
                .filter(order -> !shortOfStock.contains(order.id()))
                .toList();
        Set<Long> approved = stocked.isEmpty() ? Set.of() : lifecycle.approveHeld(market, stocked);
        stocked.stream()
                .map(Order::id)
                .filter(id -> !approved.contains(id)) // not simply approvable: as one by one, which asks or says why
                .forEach(id -> lifecycle.act(market, id, null, OrderAction.APPROVE, null));
        return shortOfStock;
    }

    /** Why an order the review rules would approve waits: an item not backordered is short. */
    private static final Message STOCK_SHORT = Message.of("import.review.stock-short");

    /** What the shop's rules say of a new order: approve it now, or the first reason it waits (null: nothing to say). */
    private record Review(Message message, boolean approve) {}

    /** A paid order that passes the shop's rules is approved; otherwise the first reason it waits. */
    private static Review review(Order order, ImportRow row, ImportVerdict verdict, ReviewRuleSettings rules) {
        if (row.order().status() != MarketStatus.PAID
                && row.order().status() != MarketStatus.UNPAID
                && row.order().status() != MarketStatus.UNKNOWN) {
            return new Review(null, false); // shipped or closed on the marketplace: recorded as it is
        }
        // the order as placed: recording its payment changes neither its state nor its total
        if (order.lifecycle() == LifecycleStatus.ON_HOLD) {
            return new Review(Message.of("import.review.held"), false);
        }
        List<Message> reasons = ReviewRules.reasons(
                rules,
                row.order(),
                verdict,
                order.total().minor(),
                order.total().currency());
        if (!reasons.isEmpty()) {
            return new Review(reasons.get(0), false);
        }
        return new Review(Message.of("import.review.approved"), true);
    }

    private void update(
            Actor market, long subjectId, ImportRepository.Committable staged, Order order, String carrier) {
        MarketFacts.Applied applied =
                facts.apply(market, order.id(), staged.row().order(), carrier);
        if (applied.conflict() != null) {
            imports.markOutcome(subjectId, ImportOutcome.CONFLICT, order.id(), order.number(), applied.conflict());
        } else if (applied.changed()) {
            timeline.record(entry(market, order.id(), staged, "order.updated-by-import"));
            imports.markOutcome(subjectId, ImportOutcome.UPDATED, order.id(), order.number(), null);
        } else {
            imports.markOutcome(subjectId, ImportOutcome.UNCHANGED, order.id(), order.number(), null);
        }
    }

    private TimelineEntry entry(Actor actor, long orderId, ImportRepository.Committable staged, String action) {
        ImportRow row = staged.row();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("import", staged.batchName());
        details.put("file", row.fileName());
        details.put("line", String.valueOf(row.line()));
        details.put("externalId", row.order().externalId());
        return (new TimelineEntry(
                null,
                Orders.SUBJECT,
                orderId,
                clock.instant(),
                actor.userId(),
                actor.displayName(),
                action,
                List.of(),
                null,
                details));
    }

    @Override
    public Map<Long, String> labels(Collection<Long> subjectIds) {
        return imports.labels(subjectIds);
    }

    @Override
    public String path(long subjectId) {
        return imports.batchOf(subjectId).map(b -> "/imports/" + b).orElse("/imports");
    }

    @Override
    public Description describe(String action, String argument) {
        String name = argument == null
                ? null
                : imports.find(Long.parseLong(argument)).map(ImportBatch::name).orElse(null);
        return new Description("import.commit", name == null ? null : Message.text(name), false);
    }
}
