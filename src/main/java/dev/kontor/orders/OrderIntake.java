package dev.kontor.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.access.Verdict;
import dev.kontor.customers.Blacklist;
import dev.kontor.customers.BlacklistEntry;
import dev.kontor.orders.internal.NumberSeries;
import dev.kontor.orders.internal.OrderBatches;
import dev.kontor.orders.internal.OrderRepository;
import dev.kontor.shared.Problems;
import dev.kontor.shared.Text;
import dev.kontor.timeline.Change;
import dev.kontor.timeline.Timeline;
import dev.kontor.timeline.TimelineEntry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Placing an order: by hand (a draft or straight into review), through the API, later from a marketplace file. One
 * transaction checks the input as a whole, finds or creates the customer, numbers the order in its channel's gapless
 * series, writes it (flagged and held at once when a blacklist mark catches it), holds or reserves its stock,
 * records it in the timeline and announces it ({@link OrderPlaced}). A marketplace order placed before (same
 * channel and external id) is answered as it is instead of being placed twice.
 */
@Service
public class OrderIntake {

    private final OrderRepository orders;
    private final OrderBatches batches;
    private final NumberSeries numbers;
    private final OrderInputs inputs;
    private final OrderChanges changes;
    private final OrderStock stock;
    private final Permissions permissions;
    private final Blacklist blacklist;
    private final Timeline timeline;
    private final OrderLifecycle lifecycle;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderIntake(
            OrderRepository orders,
            OrderBatches batches,
            NumberSeries numbers,
            OrderInputs inputs,
            OrderChanges changes,
            OrderStock stock,
            Permissions permissions,
            Blacklist blacklist,
            Timeline timeline,
            OrderLifecycle lifecycle,
            ApplicationEventPublisher events,
            Clock clock) {
        this.lifecycle = lifecycle;
        this.orders = orders;
        this.batches = batches;
        this.timeline = timeline;
        this.numbers = numbers;
        this.inputs = inputs;
        this.changes = changes;
        this.stock = stock;
        this.permissions = permissions;
        this.blacklist = blacklist;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Places an order as a draft or straight into review. An order whose discount needs approval is kept as a draft
     * and its submission asked for.
     */
    @Transactional
    public PlacedOrder place(Actor actor, OrderInput written, boolean asDraft) {
        permissions.require(actor, Permission.ORDER_CREATE, Situation.NONE);
        OrderInput input = inputs.checked(written, null);
        String externalId = Text.clean(input.externalId());
        if (externalId != null) {
            orders.lockExternalId(input.channel(), externalId);
            Optional<Long> existing = orders.findIdByExternalId(input.channel(), externalId);
            if (existing.isPresent()) {
                return new PlacedOrder(orders.findById(existing.get()).orElseThrow(), false, null);
            }
        }
        OrderInputs.Resolved resolved = inputs.resolved(actor, input);
        OrderContent content = resolved.content();
        Verdict submit = asDraft
                ? Verdict.ALLOWED
                : permissions.require(actor, Permission.ORDER_SUBMIT, asWritten(actor, input));
        boolean draft = asDraft || submit instanceof Verdict.NeedsApproval;
        if (!draft) {
            OrderInputs.requireReadyForReview(content);
        }
        // the blacklist before the number: the series' row stays locked until this transaction ends, so every
        // statement before it is one that other orders of the channel do not wait for (issue 20)
        Optional<BlacklistEntry> caught = blacklist
                .matchAll(List.of(new Blacklist.Probe(
                        resolved.customer(), content.email(), content.phone(), content.shippingAddress())))
                .get(0);
        Instant now = clock.instant();
        String number = numbers.next(draft ? "DRAFT" : input.channel());
        Order order = Order.place(
                number,
                input.channel(),
                externalId,
                content,
                draft ? LifecycleStatus.DRAFT : LifecycleStatus.NEW,
                input.placedAt() == null ? now : input.placedAt(),
                now,
                actor.displayName());
        caught.filter(hit -> order.lifecycle() == LifecycleStatus.NEW)
                .ifPresent(hit -> order.apply(OrderAction.HOLD, holdReason(hit), () -> number));
        Order stored = orders.insert(
                order,
                caught.map(hit -> new OrderRepository.Flag(hit.customerId(), hit.reason()))
                        .orElse(null));
        if (draft) {
            stock.sync(actor, stored); // a draft holds its stock for a while
        } else {
            stock.syncNew(actor, List.of(stored)); // new: holds nothing yet, so nothing to read (issue 20)
        }
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(changes.entry(
                actor,
                stored,
                draft ? "order.draft-created" : "order.created",
                List.of(),
                null,
                createdDetails(stored)));
        caught.ifPresent(hit -> entries.addAll(caughtEntries(actor, stored, hit)));
        timeline.recordAll(entries);
        events.publishEvent(new OrderPlaced(stored.id(), number, input.channel(), stored.lifecycle()));
        if (submit instanceof Verdict.NeedsApproval needed) {
            return new PlacedOrder(
                    stored,
                    true,
                    changes.ask(actor, stored, "order.submit", Map.of("action", "submit"), null, needed.why(), null));
        }
        return new PlacedOrder(stored, true, null);
    }

    /**
     * Places many orders straight into review as {@link #place} places each — the same checks, customers, numbers,
     * blacklist, stock, timeline entries and events — in the caller's transaction and in a few statements for all of
     * them: the inputs checked against the catalog read once, their customers found or created together, a block of
     * numbers per channel, the orders and their lines inserted in one statement each. An input that {@code place}
     * would treat on its own — a customer named by id, observers, a submission that needs approval, a marketplace
     * order Kontor has (or that comes twice) — is placed by {@code place} after the others. A refused input
     * refuses them all (the caller's transaction rolls back). Answers in the order of {@code written}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<PlacedOrder> placeAll(Actor actor, List<OrderInput> written) {
        return placeAll(actor, written, null);
    }

    /**
     * Places the orders of one API request for review ({@code POST /api/orders/batch}) as {@link #placeAll} places
     * them, in one transaction of its own: all of them or none. Every order is checked first and every problem of
     * every order refused at once, each field named with its place in the request ({@code orders[3].lines[0].sku}).
     * {@code refused} brings what the caller found wrong with the request itself (an entry missing: null in
     * {@code written}), said together with the orders' own problems.
     * A marketplace order Kontor has already is answered as it is (not created). With {@code approve}, what the actor
     * may simply approve is written approved with its stock committed, as an import's review rules approve; the
     * rest (a guard, a blacklist mark, a discount beyond the actor's limit) stays new. Answers in the request's order.
     */
    @Transactional
    public List<PlacedOrder> placeBatch(
            Actor actor, List<OrderInput> written, String listField, boolean approve, Problems refused) {
        permissions.require(actor, Permission.ORDER_CREATE, Situation.NONE);
        List<OrderInput> checked = inputs.checkEach(written, listField, refused);
        refused.throwIfAny();
        if (!approve) {
            return placeChecked(actor, written, checked, null);
        }
        return approveLeft(
                actor, placeChecked(actor, written, checked, new Approval(actor, order -> true, true)), true);
    }

    /**
     * Places the orders as {@link #placeAll} does and approves what the actor may simply approve: as placed (one
     * write) where it can, otherwise stored, at the version just placed — an order placed on its own path (one
     * naming its customer by id, say) or one a guard must look at stored. What is held back (a guard, a blacklist
     * hold, a discount beyond the actor's limit, a submission waiting for a supervisor) stays new, as does a
     * channel's order Kontor had already. With {@code checkStock}, an order whose stock is short (a variant not
     * backordered) stays new too; without, its commitment is refused ({@code Reservations.OUT_OF_STOCK}) and the
     * caller's transaction with it — a caller that can try again looks only then. Answers in the order of
     * {@code written}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<PlacedOrder> placeAllApproved(Actor actor, List<OrderInput> written, boolean checkStock) {
        return approveLeft(actor, placeAll(actor, written, new Approval(actor, order -> true, checkStock)), checkStock);
    }

    /** The placed orders still new (created now, nobody asked) approved where the actor simply may. */
    private List<PlacedOrder> approveLeft(Actor actor, List<PlacedOrder> placed, boolean checkStock) {
        List<Order> candidates = placed.stream()
                .filter(p -> p.created() && p.approval() == null && p.order().lifecycle() == LifecycleStatus.NEW)
                .map(PlacedOrder::order)
                .toList();
        Set<Integer> shortOnes = checkStock ? stock.shortOf(candidates) : Set.of();
        Map<Long, Integer> left = new LinkedHashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (!shortOnes.contains(i)) {
                left.put(candidates.get(i).id(), candidates.get(i).version());
            }
        }
        if (left.isEmpty()) {
            return placed;
        }
        Map<Long, Order> approved = lifecycle.approveAt(actor, left);
        return placed.stream()
                .map(p -> approved.containsKey(p.order().id())
                        ? new PlacedOrder(approved.get(p.order().id()), true, null)
                        : p)
                .toList();
    }

    /**
     * Who approves orders as they are placed, and which: an import's review rules. An order {@code wanted} that
     * {@link OrderLifecycle#approveAll} would simply approve is written approved (one write instead of two) with
     * its approval's timeline entry by {@code by}, its stock committed and one {@link OrderLifecycleChanges} for all;
     * the rest are placed new, for the caller to approve as it would have.
     */
    public record Approval(Actor by, Predicate<Order> wanted, boolean checkStock) {

        /** Approving as placed whatever the stock: a short commitment refuses the caller's transaction. */
        public Approval(Actor by, Predicate<Order> wanted) {
            this(by, wanted, false);
        }
    }

    /** {@link #placeAll(Actor, List)}, approving as placed what {@code approval} asks for (null: nothing). */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<PlacedOrder> placeAll(Actor actor, List<OrderInput> written, Approval approval) {
        permissions.require(actor, Permission.ORDER_CREATE, Situation.NONE);
        return placeChecked(actor, written, inputs.checkedAll(written), approval);
    }

    /** {@link #placeAll} of inputs already checked ({@code checked}: each of {@code written} as checked). */
    private List<PlacedOrder> placeChecked(
            Actor actor, List<OrderInput> written, List<OrderInput> checked, Approval approval) {
        Map<String, Set<String>> external = new TreeMap<>();
        checked.stream()
                .filter(in -> Text.clean(in.externalId()) != null)
                .forEach(in -> external.computeIfAbsent(in.channel(), c -> new TreeSet<>())
                        .add(Text.clean(in.externalId())));
        Set<String> known = new HashSet<>();
        external.forEach((channel, ids) -> {
            orders.lockExternalIds(channel, ids);
            orders.idsByExternalId(channel, ids).keySet().forEach(id -> known.add(channel + ':' + id));
        });
        List<Integer> together = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < checked.size(); i++) {
            OrderInput in = checked.get(i);
            String externalId = Text.clean(in.externalId());
            boolean alone = in.customer().id() != null
                    || !in.observerIds().isEmpty()
                    || (externalId != null
                            && (known.contains(in.channel() + ':' + externalId)
                                    || !seen.add(in.channel() + ':' + externalId)))
                    || !permissions
                            .require(actor, Permission.ORDER_SUBMIT, asWritten(actor, in))
                            .isAllowed();
            if (!alone) {
                together.add(i);
            }
        }
        PlacedOrder[] placed = new PlacedOrder[written.size()];
        List<OrderInput> batch = together.stream().map(checked::get).toList();
        List<Order> stored = placeTogether(actor, batch, approval);
        for (int k = 0; k < together.size(); k++) {
            placed[together.get(k)] = new PlacedOrder(stored.get(k), true, null);
        }
        for (int i = 0; i < placed.length; i++) {
            if (placed[i] == null) {
                placed[i] = place(actor, written.get(i), false);
            }
        }
        return List.of(placed);
    }

    /** Places checked inputs that need nothing of their own: see {@link #placeAll}. */
    private List<Order> placeTogether(Actor actor, List<OrderInput> batch, Approval approval) {
        if (batch.isEmpty()) {
            return List.of();
        }
        List<OrderInputs.Resolved> resolved = inputs.contentsOf(actor, batch);
        List<OrderContent> contents =
                resolved.stream().map(OrderInputs.Resolved::content).toList();
        contents.forEach(OrderInputs::requireReadyForReview);
        // everything that needs no number before the number: the series stays locked until commit
        List<Optional<BlacklistEntry>> caught = blacklist.matchAll(resolved.stream()
                .map(r -> new Blacklist.Probe(
                        r.customer(),
                        r.content().email(),
                        r.content().phone(),
                        r.content().shippingAddress()))
                .toList());
        Map<String, Iterator<String>> numbered = new HashMap<>();
        batch.stream()
                .collect(Collectors.groupingBy(OrderInput::channel, TreeMap::new, Collectors.counting()))
                .forEach((channel, n) -> numbered.put(
                        channel, numbers.next(channel, n.intValue()).iterator()));
        Instant now = clock.instant();
        List<Order> placing = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            OrderInput input = batch.get(i);
            placing.add(Order.place(
                    numbered.get(input.channel()).next(),
                    input.channel(),
                    Text.clean(input.externalId()),
                    contents.get(i),
                    LifecycleStatus.NEW,
                    input.placedAt() == null ? now : input.placedAt(),
                    now,
                    actor.displayName()));
        }
        List<OrderRepository.Flag> flags = new ArrayList<>(batch.size());
        for (int i = 0; i < placing.size(); i++) {
            Order order = placing.get(i);
            flags.add(caught.get(i)
                    .map(hit -> {
                        order.apply(OrderAction.HOLD, holdReason(hit), order::number);
                        return new OrderRepository.Flag(hit.customerId(), hit.reason());
                    })
                    .orElse(null));
        }
        Map<Integer, Order> unapproved = approveAsPlaced(approval, placing, now);
        List<Order> stored = batches.insertAll(placing, flags);
        List<Order> approved = new ArrayList<>();
        List<Order> fresh = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            (unapproved.containsKey(i) ? approved : fresh).add(stored.get(i));
        }
        stock.syncNew(actor, fresh);
        if (!approved.isEmpty()) {
            stock.syncNew(approval.by(), approved);
        }
        recordPlaced(actor, approval, stored, caught, unapproved);
        return stored;
    }

    /** The placed orders' timeline entries (created, caught, approved as placed) and events. */
    private void recordPlaced(
            Actor actor,
            Approval approval,
            List<Order> stored,
            List<Optional<BlacklistEntry>> caught,
            Map<Integer, Order> unapproved) {
        var names = changes.userNames(stored);
        List<TimelineEntry> entries = new ArrayList<>();
        List<OrderLifecycleChanged> moved = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            Order order = stored.get(i);
            entries.add(changes.entry(actor, order, "order.created", List.of(), null, createdDetails(order)));
            caught.get(i).ifPresent(hit -> entries.addAll(caughtEntries(actor, order, hit)));
            Order before = unapproved.get(i);
            if (before != null) {
                entries.add(changes.entry(
                        approval.by(),
                        order,
                        "order." + OrderAction.APPROVE.key(),
                        OrderDiff.between(before, order, names),
                        null,
                        Map.of()));
                moved.add(new OrderLifecycleChanged(
                        order.id(), order.number(), OrderAction.APPROVE, before.lifecycle(), order.lifecycle()));
            }
        }
        timeline.recordAll(entries);
        stored.forEach(o -> events.publishEvent(new OrderPlaced(o.id(), o.number(), o.channel(), o.lifecycle())));
        if (!moved.isEmpty()) {
            events.publishEvent(new OrderLifecycleChanges(moved));
        }
    }

    /** Approves in memory what {@code approval} asks for and may simply be approved; answers them as they were. */
    private Map<Integer, Order> approveAsPlaced(Approval approval, List<Order> placing, Instant now) {
        Map<Integer, Order> unapproved = new HashMap<>();
        if (approval == null || lifecycle.guarded(OrderAction.APPROVE)) {
            return unapproved;
        }
        List<Integer> wanted = new ArrayList<>();
        for (int i = 0; i < placing.size(); i++) {
            Order order = placing.get(i);
            if (order.lifecycle() == LifecycleStatus.NEW && approval.wanted().test(order)) {
                wanted.add(i);
            }
        }
        Set<Integer> shortOnes = approval.checkStock()
                ? stock.shortOf(wanted.stream().map(placing::get).toList())
                : Set.of();
        for (int k = 0; k < wanted.size(); k++) {
            Order order = placing.get(wanted.get(k));
            Order before = order.copy();
            if (!shortOnes.contains(k) && lifecycle.approveBeforeWriting(approval.by(), order, now)) {
                unapproved.put(wanted.get(k), before);
            }
        }
        return unapproved;
    }

    /** The order about to be written, in the access policy's terms: its writer is responsible unless it says. */
    private static Situation asWritten(Actor actor, OrderInput in) {
        return new Situation(
                in.responsibleId() != null ? in.responsibleId() : actor.userId(),
                in.observerIds(),
                LifecycleStatus.DRAFT.name(),
                false,
                false,
                Order.discountBasisPoints(OrderInputs.preview(in)));
    }

    private static String holdReason(BlacklistEntry hit) {
        return "blacklist: " + hit.reason();
    }

    private static Map<String, String> createdDetails(Order order) {
        return Map.of(
                "number",
                order.number(),
                "channel",
                order.channel(),
                "total",
                order.total().toString());
    }

    /** The timeline says why the order arrived flagged, and held when it came for review. */
    private List<TimelineEntry> caughtEntries(Actor actor, Order order, BlacklistEntry hit) {
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(changes.entry(
                actor,
                order,
                "order.flagged",
                List.of(Change.of("blacklisted", false, true)),
                hit.reason(),
                Map.of("matched", hit.kind())));
        if (order.lifecycle() == LifecycleStatus.ON_HOLD) {
            entries.add(changes.entry(
                    Actor.system("blacklist"),
                    order,
                    "order." + OrderAction.HOLD.key(),
                    List.of(Change.of("lifecycle", LifecycleStatus.NEW, LifecycleStatus.ON_HOLD)),
                    holdReason(hit),
                    Map.of()));
        }
        return entries;
    }
}
