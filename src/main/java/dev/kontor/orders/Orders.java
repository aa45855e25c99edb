package dev.kontor.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.kontor.access.Actor;
import dev.kontor.access.Approvals;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.access.Users;
import dev.kontor.access.Verdict;
import dev.kontor.calendar.WorkingDays;
import dev.kontor.catalog.Inventory;
import dev.kontor.catalog.InventorySettings;
import dev.kontor.customers.ContactKind;
import dev.kontor.customers.Customer;
import dev.kontor.customers.Customers;
import dev.kontor.markets.Market;
import dev.kontor.markets.Markets;
import dev.kontor.orders.internal.ChannelRepository;
import dev.kontor.orders.internal.NoteRepository;
import dev.kontor.orders.internal.NumberSeries;
import dev.kontor.orders.internal.OrderInputJson;
import dev.kontor.orders.internal.OrderQueries;
import dev.kontor.orders.internal.OrderRepository;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.Problems;
import dev.kontor.shared.StaleVersionException;
import dev.kontor.shared.Text;
import dev.kontor.timeline.Change;
import dev.kontor.timeline.Timeline;
import dev.kontor.timeline.TimelineEntry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The orders module's public face and transaction boundary: every command is one transaction that checks
 * the access policy, changes the order, writes its timeline entry and publishes its event together, or does
 * none of it. A command the policy allows only with approval files an approval request instead.
 */
@Service
public class Orders {

    /** The timeline subject type of orders. */
    public static final String SUBJECT = "order";

    private final OrderRepository orders;
    private final OrderQueries queries;
    private final NumberSeries numbers;
    private final ChannelRepository channels;
    private final NoteRepository notes;
    private final Customers customers;
    private final Users users;
    private final Permissions permissions;
    private final Approvals approvals;
    private final OrderInputJson inputJson;
    private final Inventory inventory;
    private final InventorySettings stockSettings;
    private final WorkingDays workingDays;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final java.time.ZoneId zone;
    private final Markets markets;
    private final dev.kontor.catalog.Catalog catalog;
    private final dev.kontor.customers.Blacklist blacklist;
    private final dev.kontor.access.AccessSettings accessSettings;
    private final org.springframework.beans.factory.ObjectProvider<OrderFinder> finders;

    Orders(
            OrderRepository orders,
            OrderQueries queries,
            NumberSeries numbers,
            ChannelRepository channels,
            NoteRepository notes,
            Customers customers,
            Users users,
            Permissions permissions,
            Approvals approvals,
            OrderInputJson inputJson,
            Inventory inventory,
            InventorySettings stockSettings,
            WorkingDays workingDays,
            Timeline timeline,
            ApplicationEventPublisher events,
            Clock clock,
            Markets markets,
            dev.kontor.catalog.Catalog catalog,
            dev.kontor.customers.Blacklist blacklist,
            dev.kontor.access.AccessSettings accessSettings,
            org.springframework.beans.factory.ObjectProvider<OrderFinder> finders,
            @org.springframework.beans.factory.annotation.Value(
                            "${kontor.shop.time-zone:#{T(java.time.ZoneId).systemDefault().id}}")
                    String zone) {
        this.markets = markets;
        this.catalog = catalog;
        this.blacklist = blacklist;
        this.accessSettings = accessSettings;
        this.finders = finders;
        this.zone = java.time.ZoneId.of(zone);
        this.orders = orders;
        this.queries = queries;
        this.numbers = numbers;
        this.channels = channels;
        this.notes = notes;
        this.customers = customers;
        this.users = users;
        this.permissions = permissions;
        this.approvals = approvals;
        this.inputJson = inputJson;
        this.inventory = inventory;
        this.stockSettings = stockSettings;
        this.workingDays = workingDays;
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The result of placing an order: the order, whether it is new or was already there, and the approval
     * request when its discount needs a supervisor (the order then waits as a draft).
     */
    public record Placed(Order order, boolean created, dev.kontor.access.ApprovalRequest approval) {}

    /**
     * Places an order as a draft or straight into review. A marketplace order that was placed before (same
     * channel and external id) is returned as it is instead of being placed twice. An order whose discount
     * needs approval is kept as a draft and its submission asked for.
     */
    @Transactional
    public Placed place(Actor actor, OrderInput written, boolean asDraft) {
        permissions.require(actor, Permission.ORDER_CREATE, Situation.NONE);
        Problems pricing = new Problems();
        OrderInput input = priced(written, null, pricing);
        check(input, pricing);
        String externalId = Text.clean(input.externalId());
        if (externalId != null) {
            orders.lockExternalId(input.channel(), externalId);
            Optional<Long> existing = orders.findIdByExternalId(input.channel(), externalId);
            if (existing.isPresent()) {
                return new Placed(get(existing.get()), false, null);
            }
        }
        Instant now = clock.instant();
        OrderContent content = contentOf(actor, input);
        Verdict submit = asDraft
                ? Verdict.ALLOWED
                : permissions.require(
                        actor,
                        Permission.ORDER_SUBMIT,
                        new Situation(
                                content.responsibleId() != null ? content.responsibleId() : actor.userId(),
                                content.observerIds(),
                                LifecycleStatus.DRAFT.name(),
                                false,
                                false,
                                Order.discountBasisPoints(content)));
        boolean draft = asDraft || submit instanceof Verdict.NeedsApproval;
        if (!draft) {
            requireReadyForReview(content);
        }
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
        Order stored = orders.insert(order);
        syncStock(actor, stored);
        record(
                actor,
                stored,
                draft ? "order.draft-created" : "order.created",
                List.of(),
                null,
                Map.of(
                        "number",
                        number,
                        "channel",
                        input.channel(),
                        "total",
                        stored.total().toString()));
        events.publishEvent(new OrderPlaced(stored.id(), number, input.channel(), stored.lifecycle()));
        stored = catchBlacklisted(actor, stored);
        if (submit instanceof Verdict.NeedsApproval needed) {
            return new Placed(
                    stored,
                    true,
                    ask(actor, stored, "order.submit", Map.of("action", "submit"), null, needed.why(), null));
        }
        return new Placed(stored, true, null);
    }

    /**
     * Replaces the content of a draft or new order, or amends an approved one; what needs approval (an
     * amendment, a discount over the limit) is asked for instead.
     */
    @Transactional
    public ActionOutcome edit(Actor actor, long id, Integer expectedVersion, OrderInput input) {
        Order order = lockAt(actor, id, expectedVersion);
        Problems pricing = new Problems();
        OrderInput sameChannel = priced(withChannel(input, order.channel()), order.currency(), pricing);
        check(sameChannel, pricing);
        int discount = Order.discountBasisPoints(previewContent(sameChannel));
        Verdict verdict = permissions.require(actor, Permission.ORDER_EDIT, situationOf(order, discount));
        if (!order.isEditable()) {
            order.edit(order.content()); // throws the lifecycle's refusal
        }
        if (verdict instanceof Verdict.NeedsApproval needed) {
            return new ActionOutcome(
                    order,
                    ask(
                            actor,
                            order,
                            "order.edit",
                            Map.of("input", inputJson.write(sameChannel)),
                            order.version(),
                            needed.why(),
                            null));
        }
        return ActionOutcome.done(applyEdit(actor, order, sameChannel, Map.of()));
    }

    /** Takes a lifecycle action (submit, approve, hold, release, cancel, complete, delete), or asks for it. */
    @Transactional
    public ActionOutcome act(Actor actor, long id, Integer expectedVersion, OrderAction action, String reason) {
        String why = checkReason(action, reason);
        Order order = lockAt(actor, id, expectedVersion);
        Verdict verdict = permissions.require(
                actor, permissionFor(action), situationOf(order, Order.discountBasisPoints(order.content())));
        if (verdict instanceof Verdict.NeedsApproval needed) {
            Decision decision = LifecycleRules.decide(action, order.facts());
            if (decision instanceof Decision.Refused refused) {
                throw new ActionRefusedException(
                        action.key(),
                        order.lifecycle().name(),
                        refused.reason(),
                        refused.args().toArray());
            }
            return new ActionOutcome(
                    order,
                    ask(
                            actor,
                            order,
                            "order." + action.key(),
                            Map.of("action", action.key()),
                            order.version(),
                            needed.why(),
                            why));
        }
        return ActionOutcome.done(applyAction(actor, order, action, why, Map.of()));
    }

    /**
     * Approves many orders in the caller's transaction as {@link #act} approves one (same permission, same rule,
     * same timeline entry, stock commitment and event for each), but in a few statements for all of them: they
     * are locked in id order, their rows and timeline entries written in one statement each, and their stock
     * committed together ({@link Inventory#commitAll}). Answers the ids it approved. An order it cannot simply approve
     * (not visible to the actor, refused by its state, approval needed, permission denied) is passed over
     * untouched, for the caller to take through {@link #act}, which says why. If any commitment is refused the
     * whole batch fails with the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<Long> approveAll(Actor actor, java.util.Collection<Long> ids) {
        Instant now = clock.instant();
        List<Order> befores = new java.util.ArrayList<>();
        List<Order> afters = new java.util.ArrayList<>();
        for (Order order : orders.lockAll(ids)) {
            if (!permissions.mayView(actor, situationOf(order, 0))
                    || !permissions
                            .check(
                                    actor,
                                    Permission.ORDER_APPROVE,
                                    situationOf(order, Order.discountBasisPoints(order.content())))
                            .isAllowed()
                    || !(LifecycleRules.decide(OrderAction.APPROVE, order.facts()) instanceof Decision.Allowed allowed)
                    || allowed.target() != LifecycleStatus.APPROVED) {
                continue;
            }
            Order before = order.copy();
            order.apply(OrderAction.APPROVE, null, () -> {
                throw new IllegalStateException("Approval does not number an order");
            });
            order.touchedBy(actor.displayName(), now);
            befores.add(before);
            afters.add(order);
        }
        List<Order> saved = orders.updateStates(befores, afters);
        Function<Long, String> names = userNames(befores);
        List<TimelineEntry> entries = new java.util.ArrayList<>();
        Map<Inventory.OrderRef, List<dev.kontor.catalog.Need>> commitments = new LinkedHashMap<>();
        for (int i = 0; i < saved.size(); i++) {
            Order order = saved.get(i);
            entries.add(new TimelineEntry(
                    null,
                    SUBJECT,
                    order.id(),
                    now,
                    actor.userId(),
                    actor.displayName(),
                    "order." + OrderAction.APPROVE.key(),
                    OrderDiff.between(befores.get(i), order, names),
                    null,
                    new LinkedHashMap<>()));
            commitments.put(new Inventory.OrderRef(order.id(), order.number()), needs(order));
        }
        timeline.recordAll(entries);
        inventory.commitAll(actor, commitments);
        Set<Long> approved = new java.util.LinkedHashSet<>();
        for (int i = 0; i < saved.size(); i++) {
            Order order = saved.get(i);
            events.publishEvent(new OrderLifecycleChanged(
                    order.id(),
                    order.number(),
                    OrderAction.APPROVE,
                    befores.get(i).lifecycle(),
                    order.lifecycle()));
            approved.add(order.id());
        }
        return approved;
    }

    /**
     * An order whose customer, phone, e-mail, payer account or address is blacklisted is flagged, and held when
     * it arrives for review (a draft is only flagged), with the mark's reason.
     */
    private Order catchBlacklisted(Actor actor, Order order) {
        OrderContent c = order.content();
        Optional<dev.kontor.customers.BlacklistEntry> hit =
                blacklist.match(c.customerId(), c.email(), c.phone(), c.shippingAddress());
        if (hit.isEmpty()
                || !orders.flag(order.id(), hit.get().customerId(), hit.get().reason())) {
            return order;
        }
        record(
                actor,
                order,
                "order.flagged",
                List.of(Change.of("blacklisted", false, true)),
                hit.get().reason(),
                Map.of("matched", hit.get().kind()));
        if (order.lifecycle() == LifecycleStatus.NEW) {
            return applyAction(
                    Actor.system("blacklist"),
                    orders.lock(order.id()).orElseThrow(),
                    OrderAction.HOLD,
                    "blacklist: " + hit.get().reason(),
                    Map.of());
        }
        return order;
    }

    /** Why the order is flagged (a blacklist mark caught it), if it is. */
    @Transactional(readOnly = true)
    public Optional<String> flagReason(long id) {
        return orders.flagReason(id);
    }

    // --- customer service's after-sales verbs ------------------------------------------------------

    /** An order made from another: its lineage as the order page shows it. */
    public record Related(long id, String number, String relation, LifecycleStatus lifecycle) {}

    /**
     * Exchanges a line's variant (another colour or size) before it ships: the new variant must be in the
     * catalog and not discontinued; the price stays; the reservation moves to the new variant.
     */
    @Transactional
    public Order exchange(Actor actor, long id, Integer expectedVersion, long lineId, String sku, String reason) {
        String why = requireWhy(reason);
        Order order = lockForService(actor, id, expectedVersion);
        OrderLine line = order.lines().stream()
                .filter(l -> l.id() == lineId)
                .findFirst()
                .orElseThrow(
                        () -> InvalidInputException.of("lineId", "order.refused.unknown-line", String.valueOf(lineId)));
        if (Text.clean(sku) == null) {
            throw InvalidInputException.of("sku", "validation.required");
        }
        dev.kontor.catalog.CatalogItem item =
                catalog.items(List.of(sku)).get(sku.strip().toUpperCase(java.util.Locale.ROOT));
        if (item == null) {
            throw InvalidInputException.of("sku", "validation.exchange.unknown", sku.strip());
        }
        if (item.status() == dev.kontor.catalog.VariantStatus.DISCONTINUED) {
            throw InvalidInputException.of("sku", "validation.exchange.discontinued", item.sku());
        }
        if (item.sku().equalsIgnoreCase(line.sku())) {
            throw InvalidInputException.of("sku", "validation.exchange.same", item.sku());
        }
        List<OrderLine> lines = order.lines().stream()
                .map(l -> l.id() != lineId
                        ? l
                        : new OrderLine(
                                l.id(),
                                l.position(),
                                item.sku(),
                                item.productName(),
                                item.attributes(),
                                l.unitPrice(),
                                l.quantity(),
                                l.discount(),
                                l.taxRate(),
                                0,
                                0))
                .toList();
        return applyService(
                actor,
                order,
                order.content().withLines(lines),
                "order.exchange",
                why,
                Map.of(
                        "from",
                        line.sku() + " " + line.attributeText(),
                        "to",
                        item.sku() + " " + String.join(" / ", item.attributes().values())));
    }

    /** Adds a free gift line (a gift has no price: one with a price is refused). */
    @Transactional
    public Order addGift(
            Actor actor,
            long id,
            Integer expectedVersion,
            String sku,
            String name,
            Integer quantity,
            Long price,
            String reason) {
        String why = requireWhy(reason);
        Problems problems = new Problems();
        if (price != null && price != 0) {
            problems.add("price", "validation.gift.priced");
        }
        if (quantity == null || quantity <= 0) {
            problems.add("quantity", "validation.positive");
        } else if (quantity > 1000) {
            problems.add("quantity", "validation.max", 1000);
        }
        if (Text.clean(sku) == null) {
            problems.add("sku", "validation.required");
        }
        problems.throwIfAny();
        Order order = lockForService(actor, id, expectedVersion);
        dev.kontor.catalog.CatalogItem item =
                catalog.items(List.of(sku)).get(sku.strip().toUpperCase(java.util.Locale.ROOT));
        String label = Text.clean(name) != null ? name.strip() : item != null ? item.productName() : null;
        if (label == null) {
            throw InvalidInputException.of("name", "validation.required");
        }
        List<OrderLine> lines = new java.util.ArrayList<>(order.lines());
        int position = lines.stream().mapToInt(OrderLine::position).max().orElse(0) + 1;
        lines.add(new OrderLine(
                null,
                position,
                item != null ? item.sku() : sku.strip(),
                label,
                item != null ? item.attributes() : Map.of(),
                0,
                quantity,
                0,
                0,
                0,
                0));
        return applyService(
                actor,
                order,
                order.content().withLines(lines),
                "order.gift",
                why,
                Map.of("sku", item != null ? item.sku() : sku.strip(), "quantity", quantity.toString()));
    }

    /**
     * Gives the customer a rebate (compensation) off the order's total, with a reason. Beyond the discount limit
     * it needs a supervisor, as any discount does.
     */
    @Transactional
    public Order rebate(Actor actor, long id, Integer expectedVersion, Long amount, String reason) {
        String why = requireWhy(reason);
        if (amount == null || amount <= 0) {
            throw InvalidInputException.of("amount", "validation.positive");
        }
        Order order = lockForService(actor, id, expectedVersion);
        OrderContent c = order.content();
        if (amount > order.totals().total() - c.shipping()) {
            throw InvalidInputException.of(
                    "amount",
                    "validation.rebate.too-large",
                    dev.kontor.shared.Money.of(order.totals().total() - c.shipping(), c.currency())
                            .toString());
        }
        OrderContent after = c.withDiscount(c.discount() + amount);
        if (Order.discountBasisPoints(after) > accessSettings.discountLimitBasisPoints()
                && !actor.has(dev.kontor.access.Role.SUPERVISOR)) {
            throw new ActionRefusedException("rebate", order.lifecycle().name(), "order.refused.rebate-over-limit");
        }
        return applyService(
                actor,
                order,
                after,
                "order.rebate",
                why,
                Map.of(
                        "amount",
                        dev.kontor.shared.Money.of(amount, c.currency()).toString()));
    }

    /**
     * Changes a line's unit price ({@code lineId} given) or the order's discount ({@code lineId} null), with a
     * reason, before anything shipped. The resulting discount beyond the limit needs a supervisor, as any discount;
     * a total below the money already kept is refused (refund first), so the books never show an overpayment made
     * by a price change.
     */
    @Transactional
    public Order changePrice(Actor actor, long id, Integer expectedVersion, Long lineId, Long amount, String reason) {
        String why = requireWhy(reason);
        if (amount == null || amount < 0) {
            throw InvalidInputException.of("amount", "validation.not-negative");
        }
        if (amount > 100_000_000_00L) {
            throw InvalidInputException.of("amount", "validation.max", 100_000_000_00L);
        }
        Order order = lockForService(actor, id, expectedVersion);
        OrderContent c = order.content();
        OrderContent after;
        Map<String, String> details = new LinkedHashMap<>();
        if (lineId == null) {
            if (amount > c.lines().stream().mapToLong(OrderLine::total).sum()) {
                throw InvalidInputException.of("amount", "validation.discount.too-large");
            }
            after = c.withDiscount(amount);
            details.put(
                    "discount",
                    dev.kontor.shared.Money.of(c.discount(), c.currency()) + " → "
                            + dev.kontor.shared.Money.of(amount, c.currency()));
        } else {
            OrderLine line = c.lines().stream()
                    .filter(l -> l.id().equals(lineId))
                    .findFirst()
                    .orElseThrow(() ->
                            InvalidInputException.of("lineId", "order.refused.unknown-line", String.valueOf(lineId)));
            if (line.discount() > amount * line.quantity()) {
                throw InvalidInputException.of("amount", "validation.discount.too-large");
            }
            after = c.withLines(c.lines().stream()
                    .map(l -> !l.id().equals(lineId)
                            ? l
                            : new OrderLine(
                                    l.id(),
                                    l.position(),
                                    l.sku(),
                                    l.name(),
                                    l.attributes(),
                                    amount,
                                    l.quantity(),
                                    l.discount(),
                                    l.taxRate(),
                                    l.shippedQuantity(),
                                    l.returnedQuantity()))
                    .toList());
            details.put("sku", line.sku());
            details.put(
                    "unitPrice",
                    dev.kontor.shared.Money.of(line.unitPrice(), c.currency()) + " → "
                            + dev.kontor.shared.Money.of(amount, c.currency()));
        }
        if (after.equals(c)) {
            return order;
        }
        if (Order.discountBasisPoints(after) > accessSettings.discountLimitBasisPoints()
                && Order.discountBasisPoints(after) > Order.discountBasisPoints(c)
                && !actor.has(dev.kontor.access.Role.SUPERVISOR)) {
            throw new ActionRefusedException("price", order.lifecycle().name(), "order.refused.price-over-limit");
        }
        if (after.totals().total() < order.paid() - order.refunded()) {
            throw new ActionRefusedException(
                    "price",
                    order.lifecycle().name(),
                    "order.refused.price-below-paid",
                    dev.kontor.shared.Money.of(order.paid() - order.refunded(), c.currency())
                            .toString());
        }
        return applyService(actor, order, after, "order.price-changed", why, details);
    }

    /**
     * Adds and removes tags (a tag both added and removed is removed). Any state but deleted; nothing changes and
     * nothing is recorded when the order already has what is asked.
     */
    @Transactional
    public Order retag(Actor actor, long id, Integer expectedVersion, Set<String> add, Set<String> remove) {
        Set<String> adding = add == null
                ? Set.of()
                : add.stream()
                        .map(Text::clean)
                        .filter(java.util.Objects::nonNull)
                        .collect(Collectors.toCollection(java.util.TreeSet::new));
        Set<String> removing = remove == null
                ? Set.of()
                : remove.stream()
                        .map(Text::clean)
                        .filter(java.util.Objects::nonNull)
                        .collect(Collectors.toSet());
        if (adding.isEmpty() && removing.isEmpty()) {
            throw InvalidInputException.of("tags", "validation.required");
        }
        Problems problems = new Problems();
        OrderInputRules.checkTags(adding, problems);
        problems.throwIfAny();
        Order order = lockAt(actor, id, expectedVersion);
        permissions.requireAllowed(actor, Permission.ORDER_TAG, situationOf(order, 0));
        Set<String> tags = new java.util.TreeSet<>(order.content().tags());
        tags.addAll(adding);
        tags.removeAll(removing);
        if (tags.size() > OrderInputRules.MAX_TAGS) {
            throw InvalidInputException.of("tags", "validation.tags.too-many", OrderInputRules.MAX_TAGS);
        }
        return organise(actor, order, order.content().withTags(tags), "order.tagged");
    }

    /** Makes a user (or nobody, with {@code null}) responsible for the order. Any state but deleted. */
    @Transactional
    public Order assign(Actor actor, long id, Integer expectedVersion, Long userId) {
        if (userId != null) {
            try {
                if (!users.byId(userId).enabled()) {
                    throw InvalidInputException.of("responsibleId", "validation.user.unknown", userId);
                }
            } catch (NotFoundException e) {
                throw InvalidInputException.of("responsibleId", "validation.user.unknown", userId);
            }
        }
        Order order = lockAt(actor, id, expectedVersion);
        permissions.requireAllowed(actor, Permission.ORDER_TAG, situationOf(order, 0));
        return organise(actor, order, order.content().withResponsible(userId), "order.assigned");
    }

    private Order organise(Actor actor, Order order, OrderContent content, String action) {
        if (content.equals(order.content())) {
            return order;
        }
        Order before = order.copy();
        order.organise(content);
        return save(actor, before, order, action, null, Map.of());
    }

    /**
     * Sends goods again (a lost parcel): a new order {@code RE<number>} linked to this one, for the chosen lines
     * (all when none are named), at no charge, approved (its stock reserved) and paid (nothing to pay).
     */
    @Transactional
    public Order reship(Actor actor, long id, List<Long> lineIds, String reason) {
        String why = requireWhy(reason);
        Order parent = lockForService(actor, id, null);
        if (parent.lifecycle() == LifecycleStatus.CANCELLED
                || parent.lifecycle() == LifecycleStatus.DELETED
                || parent.lifecycle() == LifecycleStatus.DRAFT) {
            throw new ActionRefusedException(
                    "reship", parent.lifecycle().name(), "order.refused.reship-state", parent.lifecycle());
        }
        List<OrderLine> chosen = parent.lines().stream()
                .filter(l -> lineIds == null || lineIds.isEmpty() || lineIds.contains(l.id()))
                .toList();
        if (chosen.isEmpty() || lineIds != null && chosen.size() != new HashSet<>(lineIds).size()) {
            throw InvalidInputException.of("lines", "validation.reship.lines");
        }
        List<OrderLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            OrderLine l = chosen.get(i);
            lines.add(new OrderLine(
                    null, i + 1, l.sku(), l.name(), l.attributes(), 0, l.quantity(), 0, l.taxRate(), 0, 0));
        }
        OrderContent p = parent.content();
        OrderContent content = new OrderContent(
                p.customerId(),
                p.customerName(),
                p.email(),
                p.phone(),
                p.billingAddress(),
                p.shippingAddress(),
                p.currency(),
                p.pricesIncludeTax(),
                lines,
                0,
                0,
                p.paymentMethod(),
                p.tags(),
                p.responsibleId(),
                p.observerIds(),
                PaymentTerms.DUE_ON_RECEIPT);
        Instant now = clock.instant();
        String number = orders.firstFreeNumber(n -> n == 1 ? "RE" + parent.number() : "RE" + parent.number() + "-" + n);
        Order child = orders.insert(Order.place(
                number, parent.channel(), null, content, LifecycleStatus.NEW, now, now, actor.displayName()));
        orders.link(child.id(), parent.id(), "RESHIP");
        record(actor, child, "order.reship-created", List.of(), why, Map.of("parent", parent.number()));
        Order approved = applyAction(
                actor,
                orders.lock(child.id()).orElseThrow(),
                OrderAction.APPROVE,
                null,
                Map.of("parent", parent.number()));
        record(actor, parent, "order.reshipped", List.of(), why, Map.of("reship", number));
        events.publishEvent(new OrderPlaced(approved.id(), number, parent.channel(), approved.lifecycle()));
        return approved;
    }

    /**
     * Splits the chosen lines off into a new child order {@code <number>-OSP<n>} in the same state (awaiting
     * review or approved), so they can ship on their own. Whole lines move, with their reservations (nobody can take
     * the units in between) and their share of the order's discount; shipping stays with the parent, and the
     * shipping notes are copied. Money the parent holds beyond its new total is carried over to the child
     * ({@link OrderSplit}, handled by the payments module in this transaction), so nothing is paid twice or lost.
     * Refused: nothing chosen, everything chosen, a shipped line, a payment still pending, a state other than
     * awaiting review or approved.
     */
    @Transactional
    public Order split(Actor actor, long id, Integer expectedVersion, List<Long> lineIds, String reason) {
        Map<Long, Integer> whole = new java.util.LinkedHashMap<>();
        if (lineIds != null) {
            lineIds.forEach(line -> whole.put(line, null));
        }
        return split(actor, id, expectedVersion, whole, reason);
    }

    /**
     * Splits chosen quantities off into a child order: {@code quantities} maps a line to how many of its units move
     * ({@code null}: all of them). Moving part of a line keeps the rest on the parent ("split quantity"): the units
     * kept back take the line's backorder with them, so the parent keeps what is on the shelf and can ship; the
     * line's discount is shared by units. Otherwise as {@link #split(Actor, long, Integer, List, String)}.
     */
    @Transactional
    public Order split(Actor actor, long id, Integer expectedVersion, Map<Long, Integer> quantities, String reason) {
        String why = requireWhy(reason);
        Order parent = lockForService(actor, id, expectedVersion);
        if (parent.lifecycle() != LifecycleStatus.NEW && parent.lifecycle() != LifecycleStatus.APPROVED) {
            throw new ActionRefusedException(
                    "split", parent.lifecycle().name(), "order.refused.split-state", parent.lifecycle());
        }
        Map<Long, Integer> chosen = quantities == null ? Map.of() : quantities;
        List<OrderLine> picked =
                parent.lines().stream().filter(l -> chosen.containsKey(l.id())).toList();
        if (picked.isEmpty() || picked.size() != chosen.size()) {
            throw InvalidInputException.of("lines", "validation.split.lines");
        }
        for (OrderLine l : picked) {
            Integer units = chosen.get(l.id());
            if (units != null && (units <= 0 || units > l.quantity())) {
                throw InvalidInputException.of("quantity", "validation.split.quantity", l.sku(), l.quantity());
            }
        }
        if (picked.stream().anyMatch(l -> l.shippedQuantity() > 0)) {
            throw new ActionRefusedException("split", parent.lifecycle().name(), "order.refused.split-shipped");
        }
        // What moves (a line, or part of it) and what stays.
        List<OrderLine> moving = new java.util.ArrayList<>();
        List<OrderLine> staying = new java.util.ArrayList<>();
        Map<Long, Integer> movingUnits = new java.util.LinkedHashMap<>();
        for (OrderLine l : parent.lines()) {
            if (!chosen.containsKey(l.id())) {
                staying.add(l);
                continue;
            }
            int units = chosen.get(l.id()) == null ? l.quantity() : chosen.get(l.id());
            long movingDiscount = Math.floorDiv(Math.multiplyExact(l.discount(), (long) units), l.quantity());
            moving.add(new OrderLine(
                    l.id(),
                    l.position(),
                    l.sku(),
                    l.name(),
                    l.attributes(),
                    l.unitPrice(),
                    units,
                    movingDiscount,
                    l.taxRate(),
                    0,
                    0));
            movingUnits.put(l.id(), units);
            if (units < l.quantity()) {
                staying.add(new OrderLine(
                        l.id(),
                        l.position(),
                        l.sku(),
                        l.name(),
                        l.attributes(),
                        l.unitPrice(),
                        l.quantity() - units,
                        l.discount() - movingDiscount,
                        l.taxRate(),
                        0,
                        0));
            }
        }
        if (staying.isEmpty()) {
            throw new ActionRefusedException("split", parent.lifecycle().name(), "order.refused.split-everything");
        }
        if (parent.pending() > 0) {
            throw new ActionRefusedException("split", parent.lifecycle().name(), "order.refused.payment-pending");
        }
        OrderContent p = parent.content();
        long subtotal = p.lines().stream().mapToLong(OrderLine::total).sum();
        long movingValue = moving.stream().mapToLong(OrderLine::total).sum();
        long childDiscount = subtotal <= 0 ? 0 : Math.floorDiv(Math.multiplyExact(p.discount(), movingValue), subtotal);
        List<OrderLine> childLines = new java.util.ArrayList<>();
        for (int i = 0; i < moving.size(); i++) {
            OrderLine l = moving.get(i);
            childLines.add(new OrderLine(
                    null,
                    i + 1,
                    l.sku(),
                    l.name(),
                    l.attributes(),
                    l.unitPrice(),
                    l.quantity(),
                    l.discount(),
                    l.taxRate(),
                    0,
                    0));
        }
        OrderContent childContent = new OrderContent(
                p.customerId(),
                p.customerName(),
                p.email(),
                p.phone(),
                p.billingAddress(),
                p.shippingAddress(),
                p.currency(),
                p.pricesIncludeTax(),
                childLines,
                0,
                childDiscount,
                p.paymentMethod(),
                p.tags(),
                p.responsibleId(),
                p.observerIds(),
                p.paymentTerms());
        Instant now = clock.instant();
        String number = orders.firstFreeNumber(n -> parent.number() + "-OSP" + n);
        Order child = orders.insert(Order.place(
                number,
                parent.channel(),
                null,
                childContent,
                LifecycleStatus.NEW,
                parent.placedAt(),
                now,
                actor.displayName()));
        orders.link(child.id(), parent.id(), "SPLIT");
        Inventory.OrderRef childRef = new Inventory.OrderRef(child.id(), number);
        for (int i = 0; i < moving.size(); i++) {
            inventory.moveHolding(
                    moving.get(i).id(),
                    childRef,
                    child.lines().get(i).id(),
                    movingUnits.get(moving.get(i).id()));
        }
        notes.findByOrder(parent.id()).stream()
                .filter(note -> note.kind() == NoteKind.SHIPPING)
                .forEach(
                        note -> notes.insert(child.id(), NoteKind.SHIPPING, note.body(), null, note.authorName(), now));
        record(actor, child, "order.split-created", List.of(), why, Map.of("parent", parent.number()));

        Order before = parent.copy();
        parent.edit(p.withLines(staying).withDiscount(p.discount() - childDiscount));
        Order savedParent = save(
                actor,
                before,
                parent,
                "order.split",
                why,
                Map.of(
                        "child",
                        number,
                        "lines",
                        moving.stream().map(l -> l.quantity() + " × " + l.sku()).collect(Collectors.joining(", "))));
        syncStock(actor, savedParent);
        Order result = child;
        if (parent.lifecycle() == LifecycleStatus.APPROVED) {
            result = applyAction(
                    actor,
                    orders.lock(child.id()).orElseThrow(),
                    OrderAction.APPROVE,
                    null,
                    Map.of("parent", parent.number()));
        } else {
            syncStock(actor, child);
        }
        events.publishEvent(new OrderPlaced(child.id(), number, parent.channel(), result.lifecycle()));
        events.publishEvent(new OrderSplit(parent.id(), parent.number(), child.id(), number));
        return get(child.id());
    }

    /** The order it was made from and the orders made from it (re-shipments, splits). */
    @Transactional(readOnly = true)
    public List<Related> lineage(Actor actor, long id) {
        view(actor, id);
        return orders.lineage(id);
    }

    private Order lockForService(Actor actor, long id, Integer expectedVersion) {
        Order order = lockAt(actor, id, expectedVersion);
        permissions.requireAllowed(actor, Permission.ORDER_SERVICE, situationOf(order, 0));
        return order;
    }

    private Order applyService(
            Actor actor, Order order, OrderContent content, String action, String why, Map<String, String> details) {
        Order before = order.copy();
        order.edit(content);
        Order saved = save(actor, before, order, action, why, details);
        syncStock(actor, saved);
        return saved;
    }

    private static String requireWhy(String reason) {
        String why = Text.clean(reason);
        if (why == null) {
            throw InvalidInputException.of("reason", "validation.reason.required");
        }
        if (why.length() > 1000) {
            throw InvalidInputException.of("reason", "validation.too-long", 1000);
        }
        return why;
    }

    /** Leaves a note for colleagues, finance or the warehouse. */
    @Transactional
    public OrderNote addNote(Actor actor, long id, NoteKind kind, String body) {
        String text = Text.clean(body);
        Problems problems = new Problems();
        if (kind == null) {
            problems.add("kind", "validation.required");
        }
        if (text == null) {
            problems.add("body", "validation.required");
        } else if (text.length() > 4000) {
            problems.add("body", "validation.too-long", 4000);
        }
        problems.throwIfAny();
        Order order = lockAt(actor, id, null);
        permissions.requireAllowed(actor, Permission.ORDER_NOTE, situationOf(order, 0));
        OrderNote note = notes.insert(id, kind, text, actor.userId(), actor.displayName(), clock.instant());
        save(actor, order.copy(), order, "order.note-added", null, Map.of("kind", kind.name(), "note", text));
        return note;
    }

    // --- approved requests ---------------------------------------------------------------------------

    /**
     * Carries out a request a supervisor approved, as the requester asked it, against the order as it is
     * now: the lifecycle rules still apply, and an amendment is refused if the order changed since.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void carryOutApproved(dev.kontor.access.ApprovalRequest request, Actor approver) {
        Actor requester = request.requestedById() == null
                ? Actor.system("approval")
                : users.byId(request.requestedById()).asActor();
        Order order =
                orders.lock(request.subjectId()).orElseThrow(() -> new NotFoundException("order", request.subjectId()));
        Map<String, String> approvedBy = Map.of("approvedBy", approver.displayName());
        if (request.action().equals("order.edit")) {
            if (request.subjectVersion() != null && order.version() != request.subjectVersion()) {
                throw new StaleVersionException("order", order.id(), order.version(), order.updatedBy());
            }
            applyEdit(requester, order, inputJson.read(request.payload().get("input")), approvedBy);
            return;
        }
        OrderAction action = OrderAction.fromKey(request.payload().get("action"))
                .orElseThrow(() -> new IllegalStateException("Unknown approved action " + request.action()));
        applyAction(requester, order, action, request.reason(), approvedBy);
    }

    // --- for the payments and fulfillment modules ------------------------------------------------------

    /**
     * Loads the order and locks it until the caller's transaction ends, for a change another module makes
     * (a payment, a shipment). Must run inside that transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Order lockForChange(long id) {
        return orders.lock(id).orElseThrow(() -> new NotFoundException("order", id));
    }

    /** The order in the access policy's terms, for other modules' permission checks. */
    public Situation situationOf(Order order) {
        return situationOf(order, 0);
    }

    /**
     * Takes in new payment sums; returns the payment-status change. The caller has locked the order and
     * writes its own timeline entry for the payment itself.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Change> applyPayments(Actor actor, Order order, long paid, long refunded, long pending) {
        Order before = order.copy();
        order.applyPayments(paid, refunded, pending);
        order.touchedBy(actor.displayName(), clock.instant());
        orders.update(before, order);
        return OrderDiff.between(before, order, userNames(before, order));
    }

    /**
     * Refuses, with the lifecycle's reason, unless the order is a draft that could be submitted now (lines, an
     * address to ship to): what a draft must be before a customer is asked to pay for it.
     */
    public void requireReadyToSubmit(Order order) {
        if (order.lifecycle() != LifecycleStatus.DRAFT) {
            throw new ActionRefusedException(
                    "invoice", order.lifecycle().name(), "order.refused.not-a-draft", order.lifecycle());
        }
        Decision decision = LifecycleRules.decide(OrderAction.SUBMIT, order.facts());
        if (decision instanceof Decision.Refused refused) {
            throw new ActionRefusedException(
                    "invoice",
                    order.lifecycle().name(),
                    refused.reason(),
                    refused.args().toArray());
        }
    }

    /**
     * The customer confirms a draft at checkout: their billing address and the shipping they chose. Holds the
     * draft's stock until {@code holdUntil} and refuses, naming the item, when something is no longer there.
     * An order that is past its draft (its first payment failed after it was submitted) is paid as it stands.
     * Runs in the caller's transaction, before any money is asked for.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Order checkout(
            Actor actor,
            long id,
            dev.kontor.shared.Address billing,
            long shipping,
            String shippingName,
            String carrier,
            Instant holdUntil) {
        Order order = lockForChange(id);
        if (order.lifecycle() == LifecycleStatus.NEW || order.lifecycle() == LifecycleStatus.APPROVED) {
            // already an order (a bank transfer was announced and never came): it is paid as it stands
            if (order.outstanding() - order.pending() <= 0) {
                throw new ActionRefusedException("pay", order.lifecycle().name(), "pay.refused.used");
            }
            return order;
        }
        requireReadyToSubmit(order);
        Order before = order.copy();
        OrderContent c = order.content();
        if (!java.util.Objects.equals(c.billingAddress(), billing) || c.shipping() != shipping) {
            order.edit(new OrderContent(
                    c.customerId(),
                    c.customerName(),
                    c.email(),
                    c.phone(),
                    billing,
                    c.shippingAddress(),
                    c.currency(),
                    c.pricesIncludeTax(),
                    c.lines(),
                    shipping,
                    c.discount(),
                    c.paymentMethod(),
                    c.tags(),
                    c.responsibleId(),
                    c.observerIds(),
                    c.paymentTerms()));
            order = save(
                    actor,
                    before,
                    order,
                    "order.checkout",
                    null,
                    shippingName == null ? Map.of() : Map.of("shippingMethod", shippingName));
        }
        if (shippingName != null) {
            orders.planCarrier(order.id(), carrier);
        }
        Inventory.OrderRef ref = new Inventory.OrderRef(order.id(), order.number());
        inventory.holdForCheckout(
                actor,
                ref,
                order.lines().stream()
                        .map(l -> new dev.kontor.catalog.Need(l.id(), l.sku(), l.openQuantity()))
                        .toList(),
                holdUntil);
        return order;
    }

    /** Records units leaving the warehouse; returns the changes (lines, fulfilment status). */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Change> applyShipment(Actor actor, Order order, Map<Long, Integer> quantities) {
        if (orders.flagReason(order.id()).isPresent()) {
            throw new ActionRefusedException("ship", order.lifecycle().name(), "order.refused.blacklisted");
        }
        Order before = order.copy();
        order.ship(quantities);
        Inventory.OrderRef ref = new Inventory.OrderRef(order.id(), order.number());
        quantities.forEach((line, quantity) -> inventory.ship(actor, ref, line, quantity));
        order.touchedBy(actor.displayName(), clock.instant());
        orders.update(before, order);
        return OrderDiff.between(before, order, userNames(before, order));
    }

    /**
     * Records units that came back (a return the warehouse received, or a refund taking the goods back); returns
     * the changes (lines, fulfilment status). The caller has locked the order and writes its own timeline entry.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Change> applyReturn(Actor actor, Order order, Map<Long, Integer> quantities) {
        Order before = order.copy();
        order.takeBack(quantities);
        order.touchedBy(actor.displayName(), clock.instant());
        orders.update(before, order);
        return OrderDiff.between(before, order, userNames(before, order));
    }

    /** The carrier delivered everything; returns the changes. The caller has locked the order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Change> applyDelivery(Actor actor, Order order, Instant when) {
        Order before = order.copy();
        order.deliver(when);
        order.touchedBy(actor.displayName(), clock.instant());
        orders.update(before, order);
        return OrderDiff.between(before, order, userNames(before, order));
    }

    // --- reading ---------------------------------------------------------------------------------------

    /** An order by id, whoever asks (for modules and jobs). */
    @Transactional(readOnly = true)
    public Order get(long id) {
        return orders.findById(id).orElseThrow(() -> new NotFoundException("order", id));
    }

    /** An order as this user may see it: sales see the orders they are responsible for or observe. */
    @Transactional(readOnly = true)
    public Order view(Actor actor, long id) {
        Order order = get(id);
        if (!permissions.mayView(actor, situationOf(order, 0))) {
            throw new NotFoundException("order", id);
        }
        return order;
    }

    @Transactional(readOnly = true)
    public Optional<Order> byNumber(Actor actor, String number) {
        return orders.findIdByNumber(number).map(id -> view(actor, id));
    }

    /** The day the order's payment is due, in the shop's calendar. */
    public java.time.LocalDate dueDate(Order order) {
        return order.dueDate(zone);
    }

    /** Whether money is still owed on the order after its due day, as of today in the shop's calendar. */
    public boolean isOverdue(Order order) {
        return order.isOverdue(java.time.LocalDate.ofInstant(clock.instant(), zone), zone);
    }

    /** Today in the shop's calendar (for the overdue view). */
    public java.time.LocalDate today() {
        return java.time.LocalDate.ofInstant(clock.instant(), zone);
    }

    /** What the access policy says this user may do to this order now (for showing the right buttons). */
    public Verdict verdict(Actor actor, Order order, Permission permission) {
        return permissions.check(actor, permission, situationOf(order, Order.discountBasisPoints(order.content())));
    }

    /** One page of the orders this user may see that match the filter. */
    @Transactional(readOnly = true)
    public OrderPage list(
            Actor actor, OrderFilter filter, OrderSort sort, boolean descending, String cursor, int limit) {
        return queries.find(visibleTo(actor, filter), sort, descending, cursor, Math.min(Math.max(limit, 1), 200));
    }

    /**
     * Why each order of a search's page matched the text: a key of {@code search.matched.*} (number, external,
     * email, phone, name, sku, tracking, payer-account) by order id.
     */
    @Transactional(readOnly = true)
    public Map<Long, String> matchedKeys(String query, List<Long> ids) {
        Map<Long, String> keys = new java.util.HashMap<>(queries.matchedKeys(query, ids));
        String q = Text.clean(query);
        if (q != null && q.length() <= 200 && keys.size() < ids.size()) {
            finders.orderedStream()
                    .forEach(
                            f -> f.find(q).stream().filter(ids::contains).forEach(id -> keys.putIfAbsent(id, f.key())));
        }
        return keys;
    }

    /**
     * The customer's orders this user may see, counted by what became of them: {@code all_orders}, {@code paid},
     * {@code shipped}, {@code refunded}, {@code cancelled}.
     */
    @Transactional(readOnly = true)
    public Map<String, Long> customerCounts(Actor actor, long customerId) {
        return queries.customerCounts(customerId, permissions.seesAllOrders(actor) ? null : actor.userId());
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
     * What the warehouse may ship now (approved, not held, money settled or not needed first), oldest first;
     * whether the goods are there is the catalog's to say.
     */
    @Transactional(readOnly = true)
    public List<ShippableOrder> shippable(Actor actor, int limit) {
        return queries.shippable(
                permissions.seesAllOrders(actor) ? null : actor.userId(), Math.min(Math.max(limit, 1), 5000));
    }

    /** The notes of one kind on several orders (the warehouse queue's shipping notes), by order id. */
    @Transactional(readOnly = true)
    public Map<Long, List<OrderNote>> notes(java.util.Collection<Long> ids, NoteKind kind) {
        return notes.findByOrders(ids, kind).stream()
                .collect(Collectors.groupingBy(OrderNote::orderId, LinkedHashMap::new, Collectors.toList()));
    }

    @Transactional(readOnly = true)
    public List<OrderNote> notes(Actor actor, long id) {
        view(actor, id);
        return notes.findByOrder(id);
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(Actor actor, long id) {
        view(actor, id);
        return timeline.of(SUBJECT, id);
    }

    @Transactional(readOnly = true)
    public List<Channel> channels() {
        return channels.findAll();
    }

    // --- inside --------------------------------------------------------------------------------------

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

    private Order applyEdit(Actor actor, Order order, OrderInput input, Map<String, String> details) {
        Order before = order.copy();
        order.edit(contentOf(actor, input));
        if (order.lifecycle() != LifecycleStatus.DRAFT) {
            requireReadyForReview(order.content());
        }
        Order saved = save(actor, before, order, "order.edited", null, details);
        syncStock(actor, saved);
        return saved;
    }

    private Order applyAction(
            Actor actor, Order order, OrderAction action, String reason, Map<String, String> details) {
        Order before = order.copy();
        order.apply(action, reason, () -> numbers.next(order.channel()));
        Order saved = save(actor, before, order, "order." + action.key(), reason, details);
        if (action != OrderAction.HOLD && action != OrderAction.RELEASE && action != OrderAction.COMPLETE) {
            syncStock(actor, saved);
        }
        events.publishEvent(
                new OrderLifecycleChanged(saved.id(), saved.number(), action, before.lifecycle(), saved.lifecycle()));
        return saved;
    }

    /**
     * Makes what the order holds match its state and lines: a draft holds what is available for some
     * working days; a new order commits when stock is taken at creation, otherwise keeps what it holds; an
     * approved (or held) order commits everything, backordering or refusing what is missing; a void or
     * deleted order lets go of everything.
     */
    private void syncStock(Actor actor, Order order) {
        Inventory.OrderRef ref = new Inventory.OrderRef(order.id(), order.number());
        LifecycleStatus state = order.lifecycle() == LifecycleStatus.ON_HOLD ? order.heldFrom() : order.lifecycle();
        List<dev.kontor.catalog.Need> needs = needs(order);
        boolean atCreation = stockSettings.reserveAt() == InventorySettings.ReserveAt.CREATION;
        switch (state) {
            case DRAFT -> {
                if (stockSettings.draftHoldWorkingDays() > 0) {
                    String calendar = stockSettings.holdCalendar().isBlank()
                            ? customers.homeCountry()
                            : stockSettings.holdCalendar();
                    inventory.reserve(
                            actor,
                            ref,
                            needs,
                            Inventory.Mode.HOLD,
                            workingDays.after(clock.instant(), stockSettings.draftHoldWorkingDays(), calendar));
                }
            }
            case NEW ->
                inventory.reserve(
                        actor,
                        ref,
                        atCreation ? needs : held(needs, order.id()),
                        atCreation ? Inventory.Mode.COMMIT : Inventory.Mode.HOLD,
                        null);
            case APPROVED -> inventory.reserve(actor, ref, needs, Inventory.Mode.COMMIT, null);
            case CANCELLED, DELETED -> inventory.release(actor, ref);
            default -> {}
        }
    }

    /** What each line of the order needs of the stock: its units still to ship. */
    private static List<dev.kontor.catalog.Need> needs(Order order) {
        return order.lines().stream()
                .map(l -> new dev.kontor.catalog.Need(l.id(), l.sku(), l.openQuantity()))
                .toList();
    }

    /** The needs of lines that already hold stock (a submitted draft keeps its hold, now without deadline). */
    private List<dev.kontor.catalog.Need> held(List<dev.kontor.catalog.Need> needs, long orderId) {
        Set<Long> holding = inventory.holdingsOf(orderId).stream()
                .map(dev.kontor.catalog.Holding::orderLineId)
                .collect(Collectors.toSet());
        return needs.stream().filter(n -> holding.contains(n.orderLineId())).toList();
    }

    private dev.kontor.access.ApprovalRequest ask(
            Actor actor,
            Order order,
            String action,
            Map<String, String> payload,
            Integer version,
            String policyWhy,
            String reason) {
        return approvals.request(
                actor,
                new Approvals.Ask(SUBJECT, order.id(), order.number(), action, payload, version, reason, policyWhy));
    }

    private static String checkReason(OrderAction action, String reason) {
        String why = Text.clean(reason);
        if (action == OrderAction.HOLD && why == null) {
            throw InvalidInputException.of("reason", "validation.reason.required");
        }
        if (why != null && why.length() > 1000) {
            throw InvalidInputException.of("reason", "validation.too-long", 1000);
        }
        return why;
    }

    /** The permission a lifecycle action needs. */
    public static Permission permissionFor(OrderAction action) {
        return switch (action) {
            case SUBMIT -> Permission.ORDER_SUBMIT;
            case APPROVE -> Permission.ORDER_APPROVE;
            case HOLD -> Permission.ORDER_HOLD;
            case RELEASE -> Permission.ORDER_RELEASE;
            case CANCEL -> Permission.ORDER_CANCEL;
            case COMPLETE -> Permission.ORDER_COMPLETE;
            case DELETE -> Permission.ORDER_DELETE;
        };
    }

    private static Situation situationOf(Order order, int discountBasisPoints) {
        OrderContent c = order.content();
        return new Situation(
                c.responsibleId(),
                c.observerIds(),
                order.lifecycle().name(),
                order.paid() > 0,
                order.fulfilmentStatus() != FulfilmentStatus.UNFULFILLED,
                discountBasisPoints);
    }

    private Order lockAt(Actor actor, long id, Integer expectedVersion) {
        Order order = orders.lock(id).orElseThrow(() -> new NotFoundException("order", id));
        if (!permissions.mayView(actor, situationOf(order, 0))) {
            throw new NotFoundException("order", id);
        }
        if (expectedVersion != null && expectedVersion != order.version()) {
            throw new StaleVersionException("order", id, order.version(), order.updatedBy());
        }
        return order;
    }

    private Order save(
            Actor actor, Order before, Order order, String action, String reason, Map<String, String> details) {
        order.touchedBy(actor.displayName(), clock.instant());
        Order saved = orders.update(before, order);
        List<Change> changes = OrderDiff.between(before, saved, userNames(before, saved));
        record(actor, saved, action, changes, reason, details);
        return saved;
    }

    private void record(
            Actor actor, Order order, String action, List<Change> changes, String reason, Map<String, String> details) {
        timeline.record(new TimelineEntry(
                null,
                SUBJECT,
                order.id(),
                clock.instant(),
                actor.userId(),
                actor.displayName(),
                action,
                changes,
                reason,
                new LinkedHashMap<>(details)));
    }

    private Function<Long, String> userNames(Order a, Order b) {
        return userNames(List.of(a, b));
    }

    /** The names of the users these orders name (responsible, observers), for the timeline. */
    private Function<Long, String> userNames(java.util.Collection<Order> orders) {
        Set<Long> ids = new HashSet<>();
        for (Order o : orders) {
            if (o.content().responsibleId() != null) {
                ids.add(o.content().responsibleId());
            }
            ids.addAll(o.content().observerIds());
        }
        Map<Long, String> names = ids.isEmpty() ? Map.of() : users.displayNames(ids);
        return id -> names.getOrDefault(id, "#" + id);
    }

    /**
     * Completes what the writer left to the market and the catalog: the currency (the market's of the shipping
     * country) and, for lines whose code is in the catalog, the name, the attributes and the unit price (the list
     * price in the order's currency). When a draft moves to another currency (another market), its catalog lines
     * are repriced from the catalog in the new currency. A catalog line without a price in that currency is
     * reported in {@code problems}.
     */
    private OrderInput priced(OrderInput in, String previousCurrency, Problems problems) {
        String currency =
                Text.clean(in.currency()) == null ? null : in.currency().strip().toUpperCase(java.util.Locale.ROOT);
        if (currency == null) {
            dev.kontor.shared.Address to = in.shippingAddress();
            currency = markets.forCountry(to == null ? null : to.country())
                    .map(Market::currency)
                    .orElse(null);
        }
        boolean newCurrency = previousCurrency != null && currency != null && !currency.equals(previousCurrency);
        Map<String, dev.kontor.catalog.CatalogItem> items = catalog.items(in.lines().stream()
                .map(OrderInput.LineInput::sku)
                .filter(java.util.Objects::nonNull)
                .toList());
        List<OrderInput.LineInput> lines = new java.util.ArrayList<>();
        for (int i = 0; i < in.lines().size(); i++) {
            OrderInput.LineInput line = in.lines().get(i);
            dev.kontor.catalog.CatalogItem item =
                    line.sku() == null ? null : items.get(line.sku().strip().toUpperCase(java.util.Locale.ROOT));
            if (item == null) {
                lines.add(line);
                continue;
            }
            Long price = line.unitPrice();
            if (price == null || newCurrency) {
                price = item.price(currency).orElse(null);
                if (price == null && currency != null) {
                    problems.add(
                            "lines[" + i + "].unitPrice", "validation.price.not-in-currency", item.sku(), currency);
                }
            }
            lines.add(new OrderInput.LineInput(
                    line.sku(),
                    Text.clean(line.name()) == null ? item.productName() : line.name(),
                    line.attributes() == null || line.attributes().isEmpty() ? item.attributes() : line.attributes(),
                    price,
                    line.quantity(),
                    line.discount(),
                    line.taxRate()));
        }
        return new OrderInput(
                in.channel(),
                in.externalId(),
                in.customer(),
                in.email(),
                in.phone(),
                in.billingAddress(),
                in.shippingAddress(),
                currency,
                in.pricesIncludeTax(),
                lines,
                in.shipping(),
                in.discount(),
                in.paymentMethod(),
                in.tags(),
                in.responsibleId(),
                in.observerIds(),
                in.placedAt(),
                in.expectedTotal(),
                in.paymentTerms());
    }

    /** Every problem of the input at once: the order's own and those of a new customer's details. */
    private void check(OrderInput input, Problems pricing) {
        Problems problems = new Problems().addAll(pricing.list());
        Set<String> priced = pricing.list().stream()
                .map(dev.kontor.shared.FieldProblem::field)
                .collect(Collectors.toSet());
        problems.addAll(OrderInputRules.check(input, channelCodes()).list().stream()
                .filter(p -> !priced.contains(p.field()))
                .toList());
        if (input.customer() != null && input.customer().details() != null) {
            problems.addAll(customers
                    .check(
                            input.customer().details(),
                            "customer.",
                            input.customer().fieldNames())
                    .list());
        }
        problems.throwIfAny();
    }

    private Set<String> channelCodes() {
        return channels.findAll().stream()
                .map(Channel::code)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** A submitted order must be complete enough to review: lines and somewhere to ship them. */
    private static void requireReadyForReview(OrderContent content) {
        if (content.shippingAddress() == null) {
            throw InvalidInputException.of("shippingAddress", "validation.required");
        }
    }

    /** The content the input describes, without resolving or creating its customer: for judging discounts. */
    private static OrderContent previewContent(OrderInput in) {
        return new OrderContent(
                0,
                "",
                null,
                null,
                null,
                null,
                in.currency(),
                OrderInputRules.includesTax(in),
                OrderInputRules.lines(in),
                OrderInputRules.value(in.shipping()),
                OrderInputRules.value(in.discount()),
                null,
                Set.of(),
                null,
                Set.of(),
                null);
    }

    private OrderContent contentOf(Actor actor, OrderInput in) {
        Customer customer = resolveCustomer(in);
        checkUsers(in);
        // Orders written by hand belong to their writer; so does any order made by someone who sees only
        // their own orders (a salesperson would otherwise lose sight of the order they just made).
        Long responsible = in.responsibleId() != null
                ? in.responsibleId()
                : "MANUAL".equals(in.channel()) || !permissions.seesAllOrders(actor) ? actor.userId() : null;
        String email = Text.clean(in.email()) != null
                ? in.email().strip()
                : customer.first(ContactKind.EMAIL).orElse(null);
        String phone = Text.clean(in.phone()) != null
                ? in.phone().strip()
                : customer.first(ContactKind.PHONE).orElse(null);
        var shipping = in.shippingAddress() != null
                ? in.shippingAddress()
                : customer.address().orElse(null);
        return new OrderContent(
                customer.id(),
                customer.displayName(),
                email,
                phone,
                in.billingAddress(),
                shipping,
                in.currency(),
                OrderInputRules.includesTax(in),
                OrderInputRules.lines(in),
                OrderInputRules.value(in.shipping()),
                OrderInputRules.value(in.discount()),
                Text.clean(in.paymentMethod()),
                in.tags(),
                responsible,
                in.observerIds(),
                in.paymentTerms());
    }

    private Customer resolveCustomer(OrderInput in) {
        OrderInput.CustomerChoice choice = in.customer();
        if (choice.id() != null) {
            return customers
                    .find(choice.id())
                    .orElseThrow(
                            () -> InvalidInputException.of("customer.id", "validation.customer.unknown", choice.id()));
        }
        return customers.findOrCreate(choice.details(), "customer.", choice.fieldNames());
    }

    private void checkUsers(OrderInput in) {
        Set<Long> ids = new HashSet<>(in.observerIds());
        if (in.responsibleId() != null) {
            ids.add(in.responsibleId());
        }
        Map<Long, String> known = users.displayNames(ids);
        Problems problems = new Problems();
        if (in.responsibleId() != null && !known.containsKey(in.responsibleId())) {
            problems.add("responsibleId", "validation.user.unknown", in.responsibleId());
        }
        in.observerIds().stream()
                .filter(id -> !known.containsKey(id))
                .findFirst()
                .ifPresent(id -> problems.add("observerIds", "validation.user.unknown", id));
        problems.throwIfAny();
    }

    private static OrderInput withChannel(OrderInput in, String channel) {
        return new OrderInput(
                channel,
                null,
                in.customer(),
                in.email(),
                in.phone(),
                in.billingAddress(),
                in.shippingAddress(),
                in.currency(),
                in.pricesIncludeTax(),
                in.lines(),
                in.shipping(),
                in.discount(),
                in.paymentMethod(),
                in.tags(),
                in.responsibleId(),
                in.observerIds(),
                in.placedAt(),
                in.expectedTotal(),
                in.paymentTerms());
    }
}
