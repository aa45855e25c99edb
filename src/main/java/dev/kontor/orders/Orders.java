package dev.kontor.orders;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.access.Verdict;
import dev.kontor.orders.internal.ChannelRepository;
import dev.kontor.orders.internal.OrderLineage;
import dev.kontor.orders.internal.OrderQueries;
import dev.kontor.orders.internal.OrderRepository;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.ShopSettings;
import dev.kontor.timeline.Timeline;
import dev.kontor.timeline.TimelineEntry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading orders: one order as a user may see it (sales see the orders they are responsible for or observe), its
 * timeline and lineage, the channels, what the warehouse may ship, and what the access policy says a user may do to
 * an order now. The commands live in the use cases beside it: {@link OrderIntake}, {@link OrderEditing},
 * {@link OrderLifecycle}, {@link OrderOrganising}, {@link OrderNotes}, and for other modules {@link OrderRevisions}
 * (after-sales verbs), {@link OrderPayments} and {@link OrderShipping}.
 */
@Service
public class Orders {

    /** The timeline subject type of orders. */
    public static final String SUBJECT = "order";

    private final OrderRepository orders;
    private final OrderLineage lineage;
    private final OrderQueries queries;
    private final ChannelRepository channels;
    private final Permissions permissions;
    private final Timeline timeline;
    private final ShopSettings shop;
    private final Clock clock;

    Orders(
            OrderRepository orders,
            OrderLineage lineage,
            OrderQueries queries,
            ChannelRepository channels,
            Permissions permissions,
            Timeline timeline,
            ShopSettings shop,
            Clock clock) {
        this.orders = orders;
        this.lineage = lineage;
        this.queries = queries;
        this.channels = channels;
        this.permissions = permissions;
        this.timeline = timeline;
        this.shop = shop;
        this.clock = clock;
    }

    /** An order by id, whoever asks (for modules and jobs). */
    @Transactional(readOnly = true)
    public Order get(long id) {
        return orders.findById(id).orElseThrow(() -> new NotFoundException("order", id));
    }

    /** These orders, whoever asks (for exports and jobs): id → order, ids Kontor does not know are left out. */
    @Transactional(readOnly = true)
    public Map<Long, Order> getAll(Collection<Long> ids) {
        return orders.findAllById(ids);
    }

    /** An order as this user may see it; unknown to them otherwise. */
    @Transactional(readOnly = true)
    public Order view(Actor actor, long id) {
        Order order = get(id);
        if (!permissions.mayView(actor, situationOf(order))) {
            throw new NotFoundException("order", id);
        }
        return order;
    }

    @Transactional(readOnly = true)
    public Optional<Order> byNumber(Actor actor, String number) {
        return orders.findIdByNumber(number).map(id -> view(actor, id));
    }

    /** The order it was made from and the orders made from it (re-shipments, splits). */
    @Transactional(readOnly = true)
    public List<RelatedOrder> lineage(Actor actor, long id) {
        view(actor, id);
        return lineage.lineage(id);
    }

    /**
     * The whole family tree the order belongs to: its original and everything made from it, at every depth (a
     * re-shipment of a split part too); empty when it has no relatives.
     */
    @Transactional(readOnly = true)
    public List<FamilyMember> family(Actor actor, long id) {
        view(actor, id);
        return lineage.family(id);
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(Actor actor, long id) {
        view(actor, id);
        return timeline.of(SUBJECT, id);
    }

    /** Why the order is flagged (a blacklist mark caught it), if it is. */
    @Transactional(readOnly = true)
    public Optional<String> flagReason(long id) {
        return orders.flagReason(id);
    }

    /** The order Kontor has for a marketplace's order id, if it has one. */
    @Transactional(readOnly = true)
    public Optional<Long> idByExternalId(String channel, String externalId) {
        return orders.findIdByExternalId(channel, externalId);
    }

    /** Which of these orders of a marketplace Kontor has already: external id → order id. */
    @Transactional(readOnly = true)
    public Map<String, Long> idsByExternalId(String channel, Collection<String> externalIds) {
        return orders.idsByExternalId(channel, externalIds);
    }

    /** Which of these orders of a marketplace Kontor has already: external id → order number. */
    @Transactional(readOnly = true)
    public Map<String, String> numbersByExternalId(String channel, Collection<String> externalIds) {
        return orders.numbersByExternalId(channel, externalIds);
    }

    @Transactional(readOnly = true)
    public List<Channel> channels() {
        return channels.findAll();
    }

    /**
     * The customer's orders this user may see, counted by what became of them: {@code all_orders}, {@code paid},
     * {@code shipped}, {@code refunded}, {@code cancelled}.
     */
    @Transactional(readOnly = true)
    public Map<String, Long> customerCounts(Actor actor, long customerId) {
        return queries.customerCounts(customerId, permissions.seesAllOrders(actor) ? null : actor.userId());
    }

    /** The customer's latest orders this user may see, newest first. */
    @Transactional(readOnly = true)
    public List<Order> latestOfCustomer(Actor actor, long customerId, int limit) {
        List<Long> ids = queries.latestOfCustomer(
                customerId,
                permissions.seesAllOrders(actor) ? null : actor.userId(),
                Math.min(Math.max(limit, 1), 100));
        Map<Long, Order> found = orders.findAllById(ids);
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /**
     * What the warehouse may ship now (approved, not held, money settled or not needed first), oldest first; whether
     * the goods are there is the catalog's to say.
     */
    @Transactional(readOnly = true)
    public List<ShippableOrder> shippable(Actor actor, int limit) {
        return queries.shippable(
                permissions.seesAllOrders(actor) ? null : actor.userId(), Math.min(Math.max(limit, 1), 5000));
    }

    /** The carrier planned for the order (a code), if any: chosen at checkout or by customer service. */
    @Transactional(readOnly = true)
    public Optional<String> plannedCarrier(long id) {
        return orders.plannedCarrier(id);
    }

    /** How many orders the warehouse may ship now, of those this user sees: the "To ship" tab's count. */
    @Transactional(readOnly = true)
    public long shippableCount(Actor actor) {
        return queries.countShippable(permissions.seesAllOrders(actor) ? null : actor.userId());
    }

    /** The day the order's payment is due, in the shop's calendar. */
    public LocalDate dueDate(Order order) {
        return order.dueDate(shop.timeZone());
    }

    /** Whether money is still owed on the order after its due day, as of today in the shop's calendar. */
    public boolean isOverdue(Order order) {
        return order.isOverdue(today(), shop.timeZone());
    }

    /** Today in the shop's calendar (for the overdue view). */
    public LocalDate today() {
        return shop.today(clock);
    }

    /** What the access policy says this user may do to this order now (for showing the right buttons). */
    public Verdict verdict(Actor actor, Order order, Permission permission) {
        return permissions.check(
                actor, permission, OrderChanges.situation(order, Order.discountBasisPoints(order.content())));
    }

    /** The order in the access policy's terms, for other modules' permission checks. */
    public Situation situationOf(Order order) {
        return OrderChanges.situation(order, 0);
    }
}
