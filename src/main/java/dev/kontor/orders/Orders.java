package dev.kontor.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.kontor.access.Actor;
import dev.kontor.access.Users;
import dev.kontor.customers.ContactKind;
import dev.kontor.customers.Customer;
import dev.kontor.customers.Customers;
import dev.kontor.orders.internal.ChannelRepository;
import dev.kontor.orders.internal.NoteRepository;
import dev.kontor.orders.internal.NumberSeries;
import dev.kontor.orders.internal.OrderQueries;
import dev.kontor.orders.internal.OrderRepository;
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
 * The orders module's public face and transaction boundary: every command is one transaction that
 * changes the order, writes its timeline entry and publishes its event together, or does none of it.
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
    private final Timeline timeline;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Orders(OrderRepository orders, OrderQueries queries, NumberSeries numbers, ChannelRepository channels, NoteRepository notes,
           Customers customers, Users users, Timeline timeline, ApplicationEventPublisher events, Clock clock) {
        this.orders = orders;
        this.queries = queries;
        this.numbers = numbers;
        this.channels = channels;
        this.notes = notes;
        this.customers = customers;
        this.users = users;
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
    }

    /** The result of placing an order: the order, and whether it is new or was already there. */
    public record Placed(Order order, boolean created) {
    }

    /**
     * Places an order as a draft or straight into review. A marketplace order that was placed before (same
     * channel and external id) is returned as it is instead of being placed twice.
     */
    @Transactional
    public Placed place(Actor actor, OrderInput input, boolean asDraft) {
        check(input);
        String externalId = Text.clean(input.externalId());
        if (externalId != null) {
            orders.lockExternalId(input.channel(), externalId);
            Optional<Long> existing = orders.findIdByExternalId(input.channel(), externalId);
            if (existing.isPresent()) {
                return new Placed(get(existing.get()), false);
            }
        }
        Instant now = clock.instant();
        OrderContent content = contentOf(actor, input);
        LifecycleStatus initial = asDraft ? LifecycleStatus.DRAFT : LifecycleStatus.NEW;
        if (!asDraft) {
            requireReadyForReview(content);
        }
        String number = numbers.next(asDraft ? "DRAFT" : input.channel());
        Order order = Order.place(number, input.channel(), externalId, content, initial,
                input.placedAt() == null ? now : input.placedAt(), now, actor.displayName());
        Order stored = orders.insert(order);
        record(actor, stored, asDraft ? "order.draft-created" : "order.created", List.of(), null,
                Map.of("number", number, "channel", input.channel(), "total", stored.total().toString()));
        events.publishEvent(new OrderPlaced(stored.id(), number, input.channel(), initial));
        return new Placed(stored, true);
    }

    /** Replaces the content of a draft or new order; refused once it is approved. */
    @Transactional
    public Order edit(Actor actor, long id, Integer expectedVersion, OrderInput input) {
        Order order = lockAt(id, expectedVersion);
        OrderInput sameChannel = withChannel(input, order.channel());
        check(sameChannel);
        Order before = order.copy();
        order.edit(contentOf(actor, sameChannel));
        if (order.lifecycle() != LifecycleStatus.DRAFT) {
            requireReadyForReview(order.content());
        }
        return save(actor, before, order, "order.edited", null, Map.of());
    }

    /** Takes a lifecycle action (submit, approve, hold, release, cancel, complete, delete). */
    @Transactional
    public Order act(Actor actor, long id, Integer expectedVersion, OrderAction action, String reason) {
        String why = Text.clean(reason);
        if (action == OrderAction.HOLD && why == null) {
            throw InvalidInputException.of("reason", "validation.reason.required");
        }
        if (why != null && why.length() > 1000) {
            throw InvalidInputException.of("reason", "validation.too-long", 1000);
        }
        Order order = lockAt(id, expectedVersion);
        Order before = order.copy();
        order.apply(action, why, () -> numbers.next(order.channel()));
        Order saved = save(actor, before, order, "order." + action.key(), why, Map.of());
        events.publishEvent(new OrderLifecycleChanged(id, saved.number(), action, before.lifecycle(), saved.lifecycle()));
        return saved;
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
        Order order = lockAt(id, null);
        OrderNote note = notes.insert(id, kind, text, actor.userId(), actor.displayName(), clock.instant());
        Order before = order.copy();
        save(actor, before, order, "order.note-added", null, Map.of("kind", kind.name(), "note", text));
        return note;
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

    /** Records units leaving the warehouse; returns the changes (lines, fulfilment status). */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Change> applyShipment(Actor actor, Order order, Map<Long, Integer> quantities) {
        Order before = order.copy();
        order.ship(quantities);
        order.touchedBy(actor.displayName(), clock.instant());
        orders.update(before, order);
        return OrderDiff.between(before, order, userNames(before, order));
    }

    // --- reading ---------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Order get(long id) {
        return orders.findById(id)
                .orElseThrow(() -> new NotFoundException("order", id));
    }

    @Transactional(readOnly = true)
    public Optional<Order> byNumber(String number) {
        return orders.findIdByNumber(number).flatMap(orders::findById);
    }

    /** One page of orders matching the filter; pass the previous page's cursor for the next. */
    @Transactional(readOnly = true)
    public OrderPage list(OrderFilter filter, OrderSort sort, boolean descending, String cursor, int limit) {
        return queries.find(filter, sort, descending, cursor, Math.min(Math.max(limit, 1), 200));
    }

    @Transactional(readOnly = true)
    public long count(OrderFilter filter) {
        return queries.count(filter);
    }

    @Transactional(readOnly = true)
    public Map<LifecycleStatus, Long> countByLifecycle() {
        return queries.countByLifecycle();
    }

    @Transactional(readOnly = true)
    public List<OrderNote> notes(long id) {
        return notes.findByOrder(id);
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(long id) {
        return timeline.of(SUBJECT, id);
    }

    @Transactional(readOnly = true)
    public List<Channel> channels() {
        return channels.findAll();
    }

    // --- inside --------------------------------------------------------------------------------------

    private Order lockAt(long id, Integer expectedVersion) {
        Order order = orders.lock(id).orElseThrow(() -> new NotFoundException("order", id));
        if (expectedVersion != null && expectedVersion != order.version()) {
            throw new StaleVersionException("order", id, order.version(), order.updatedBy());
        }
        return order;
    }

    private Order save(Actor actor, Order before, Order order, String action, String reason,
                       Map<String, String> details) {
        order.touchedBy(actor.displayName(), clock.instant());
        Order saved = orders.update(before, order);
        List<Change> changes = OrderDiff.between(before, saved, userNames(before, saved));
        record(actor, saved, action, changes, reason, details);
        return saved;
    }

    private void record(Actor actor, Order order, String action, List<Change> changes, String reason,
                        Map<String, String> details) {
        timeline.record(new TimelineEntry(null, SUBJECT, order.id(), clock.instant(), actor.userId(),
                actor.displayName(), action, changes, reason, details));
    }

    private Function<Long, String> userNames(Order a, Order b) {
        Set<Long> ids = new HashSet<>();
        for (Order o : List.of(a, b)) {
            if (o.content().responsibleId() != null) {
                ids.add(o.content().responsibleId());
            }
            ids.addAll(o.content().observerIds());
        }
        Map<Long, String> names = users.displayNames(ids);
        return id -> names.getOrDefault(id, "#" + id);
    }

    /** Every problem of the input at once: the order's own and those of a new customer's details. */
    private void check(OrderInput input) {
        Problems problems = OrderInputRules.check(input, channelCodes());
        if (input.customer() != null && input.customer().details() != null) {
            problems.addAll(customers.check(input.customer().details(), "customer.", input.customer().fieldNames()).list());
        }
        problems.throwIfAny();
    }

    private Set<String> channelCodes() {
        return channels.findAll().stream().map(Channel::code).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** A submitted order must be complete enough to review: lines and somewhere to ship them. */
    private static void requireReadyForReview(OrderContent content) {
        if (content.shippingAddress() == null) {
            throw InvalidInputException.of("shippingAddress", "validation.required");
        }
    }

    private OrderContent contentOf(Actor actor, OrderInput in) {
        Customer customer = resolveCustomer(in);
        checkUsers(in);
        Long responsible = in.responsibleId() != null ? in.responsibleId()
                : "MANUAL".equals(in.channel()) ? actor.userId() : null;
        String email = Text.clean(in.email()) != null ? in.email().strip()
                : customer.first(ContactKind.EMAIL).orElse(null);
        String phone = Text.clean(in.phone()) != null ? in.phone().strip()
                : customer.first(ContactKind.PHONE).orElse(null);
        var shipping = in.shippingAddress() != null ? in.shippingAddress() : customer.address().orElse(null);
        return new OrderContent(customer.id(), customer.displayName(), email, phone, in.billingAddress(), shipping,
                in.currency(), OrderInputRules.includesTax(in), OrderInputRules.lines(in),
                OrderInputRules.value(in.shipping()), OrderInputRules.value(in.discount()),
                Text.clean(in.paymentMethod()), in.tags(), responsible, in.observerIds());
    }

    private Customer resolveCustomer(OrderInput in) {
        OrderInput.CustomerChoice choice = in.customer();
        if (choice.id() != null) {
            return customers.find(choice.id())
                    .orElseThrow(() -> InvalidInputException.of("customer.id", "validation.customer.unknown", choice.id()));
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
        in.observerIds().stream().filter(id -> !known.containsKey(id)).findFirst()
                .ifPresent(id -> problems.add("observerIds", "validation.user.unknown", id));
        problems.throwIfAny();
    }

    private static OrderInput withChannel(OrderInput in, String channel) {
        return new OrderInput(channel, null, in.customer(), in.email(), in.phone(), in.billingAddress(),
                in.shippingAddress(), in.currency(), in.pricesIncludeTax(), in.lines(), in.shipping(), in.discount(),
                in.paymentMethod(), in.tags(), in.responsibleId(), in.observerIds(), in.placedAt(), in.expectedTotal());
    }
}
