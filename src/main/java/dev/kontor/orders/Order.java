package dev.kontor.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.Money;

/**
 * An order: the aggregate whose three statuses (lifecycle, payment, fulfilment) the back office works
 * by. It changes only through its verbs, each checked against {@link LifecycleRules}; payment and
 * fulfilment statuses are derived from the money and goods recorded against it, never set.
 */
public final class Order {

    private final Long id;
    private String number;
    private final String channel;
    private final String externalId;
    private OrderContent content;
    private LifecycleStatus lifecycle;
    private LifecycleStatus heldFrom;
    private String holdReason;
    private long paid;
    private long refunded;
    private long pending;
    private final Instant placedAt;
    private final Instant createdAt;
    private Instant updatedAt;
    private String updatedBy;
    private final int version;
    private Instant deliveredAt;
    private Receipt received;

    /** Rebuilds an order as stored; use {@link #place} for a new one. */
    public Order(
            Long id,
            String number,
            String channel,
            String externalId,
            OrderContent content,
            LifecycleStatus lifecycle,
            LifecycleStatus heldFrom,
            String holdReason,
            long paid,
            long refunded,
            long pending,
            Instant placedAt,
            Instant createdAt,
            Instant updatedAt,
            String updatedBy,
            int version,
            Instant deliveredAt,
            Receipt received) {
        this.received = received;
        this.id = id;
        this.number = number;
        this.channel = channel;
        this.externalId = externalId;
        this.content = content;
        this.lifecycle = lifecycle;
        this.heldFrom = heldFrom;
        this.holdReason = holdReason;
        this.paid = paid;
        this.refunded = refunded;
        this.pending = pending;
        this.placedAt = placedAt;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
        this.version = version;
        this.deliveredAt = deliveredAt;
    }

    /** A new order, as a draft or straight into review (how marketplace and API orders arrive). */
    public static Order place(
            String number,
            String channel,
            String externalId,
            OrderContent content,
            LifecycleStatus initial,
            Instant placedAt,
            Instant now,
            String by) {
        if (initial != LifecycleStatus.DRAFT && initial != LifecycleStatus.NEW) {
            throw new IllegalArgumentException("An order starts as a draft or new, not " + initial);
        }
        return new Order(
                null,
                number,
                channel,
                externalId,
                content,
                initial,
                null,
                null,
                0,
                0,
                0,
                placedAt,
                now,
                now,
                by,
                0,
                null,
                null);
    }

    /**
     * This order as the store has it: with its id, its lines (with their ids), its observers and its version. A
     * repository calls it after writing or reading the order's rows.
     */
    public Order asStored(long storedId, List<OrderLine> storedLines, Set<Long> observers, int storedVersion) {
        return new Order(
                storedId,
                number,
                channel,
                externalId,
                content.toBuilder().lines(storedLines).observerIds(observers).build(),
                lifecycle,
                heldFrom,
                holdReason,
                paid,
                refunded,
                pending,
                placedAt,
                createdAt,
                updatedAt,
                updatedBy,
                storedVersion,
                deliveredAt,
                received);
    }

    /** A copy to compare against after a change. */
    public Order copy() {
        return new Order(
                id,
                number,
                channel,
                externalId,
                content,
                lifecycle,
                heldFrom,
                holdReason,
                paid,
                refunded,
                pending,
                placedAt,
                createdAt,
                updatedAt,
                updatedBy,
                version,
                deliveredAt,
                received);
    }

    // --- verbs ----------------------------------------------------------------------------------------

    /**
     * Takes a lifecycle action, or refuses with the rule's reason. Submitting a draft gives it the number
     * of its channel's series, which {@code channelNumber} supplies only when the action is allowed.
     */
    public void apply(OrderAction action, String reason, Supplier<String> channelNumber) {
        Decision decision = LifecycleRules.decide(action, facts());
        if (decision instanceof Decision.Refused refused) {
            throw new ActionRefusedException(
                    action.key(),
                    lifecycle.name(),
                    refused.reason(),
                    refused.args().toArray());
        }
        LifecycleStatus target = ((Decision.Allowed) decision).target();
        if (action == OrderAction.SUBMIT) {
            number = channelNumber.get();
        }
        if (action == OrderAction.HOLD) {
            heldFrom = lifecycle;
            holdReason = reason;
        } else if (action == OrderAction.RELEASE) {
            heldFrom = null;
            holdReason = null;
        }
        lifecycle = target;
    }

    /**
     * Replaces what was written into the order: freely while it is a draft or awaiting review, as an
     * amendment once approved (who may amend, and with whose approval, is the access policy's say), never
     * once goods have shipped or the order is closed.
     */
    public void edit(OrderContent newContent) {
        if (!isEditable()) {
            throw new ActionRefusedException(
                    "edit",
                    lifecycle.name(),
                    fulfilmentStatus() != FulfilmentStatus.UNFULFILLED
                            ? "order.refused.edit-shipped"
                            : "order.refused.not-editable",
                    lifecycle);
        }
        this.content = newContent;
    }

    /**
     * Changes how the order is organised, its tags and who is responsible, which is not its content: allowed in
     * every state but deleted, shipped or not.
     */
    public void organise(OrderContent newContent) {
        if (lifecycle == LifecycleStatus.DELETED) {
            throw new ActionRefusedException("organise", lifecycle.name(), "order.refused.not-editable", lifecycle);
        }
        if (!newContent
                .withTags(content.tags())
                .withResponsible(content.responsibleId())
                .equals(content)) {
            throw new IllegalArgumentException("Organising changes tags and responsible only");
        }
        this.content = newContent;
    }

    public boolean isEditable() {
        return !lifecycle.isFinal() && fulfilmentStatus() == FulfilmentStatus.UNFULFILLED;
    }

    /** The discount the content gives, in basis points of its list value (unit prices times quantities). */
    public static int discountBasisPoints(OrderContent content) {
        long list = 0;
        long discount = content.discount();
        for (OrderLine line : content.lines()) {
            list += line.unitPrice() * line.quantity();
            discount += line.discount();
        }
        return list <= 0 ? 0 : (int) Math.min(10_000, discount * 10_000 / list);
    }

    /** Takes in the sums of the payments recorded against the order (minor units, order currency). */
    public void applyPayments(long paidSum, long refundedSum, long pendingSum) {
        if (paidSum < 0 || refundedSum < 0 || pendingSum < 0 || refundedSum > paidSum) {
            throw new IllegalArgumentException("Impossible payment sums: paid " + paidSum + ", refunded " + refundedSum
                    + ", pending " + pendingSum);
        }
        this.paid = paidSum;
        this.refunded = refundedSum;
        this.pending = pendingSum;
    }

    /**
     * Records units leaving the warehouse, by line id. Only an approved order ships, and no line ships
     * more than was ordered.
     */
    public void ship(Map<Long, Integer> quantities) {
        if (lifecycle != LifecycleStatus.APPROVED) {
            throw new ActionRefusedException("ship", lifecycle.name(), "order.refused.ship-not-approved", lifecycle);
        }
        List<OrderLine> updated = new ArrayList<>();
        for (OrderLine line : content.lines()) {
            int more = quantities.getOrDefault(line.id(), 0);
            if (more > line.openQuantity()) {
                throw new ActionRefusedException(
                        "ship", lifecycle.name(), "order.refused.ship-too-many", line.sku(), more, line.openQuantity());
            }
            updated.add(more == 0 ? line : line.withShipped(line.shippedQuantity() + more));
        }
        for (Long lineId : quantities.keySet()) {
            if (content.lines().stream().noneMatch(l -> l.id().equals(lineId))) {
                throw new ActionRefusedException(
                        "ship", lifecycle.name(), "order.refused.unknown-line", String.valueOf(lineId));
            }
        }
        content = withLines(updated);
    }

    /**
     * Records units that came back from the customer, by line id: never more than shipped and not yet back.
     */
    public void takeBack(Map<Long, Integer> quantities) {
        for (Long lineId : quantities.keySet()) {
            if (content.lines().stream().noneMatch(l -> l.id().equals(lineId))) {
                throw new ActionRefusedException(
                        "return", lifecycle.name(), "order.refused.unknown-line", String.valueOf(lineId));
            }
        }
        List<OrderLine> updated = new ArrayList<>();
        for (OrderLine line : content.lines()) {
            int back = quantities.getOrDefault(line.id(), 0);
            if (back > line.returnableQuantity()) {
                throw new ActionRefusedException(
                        "return",
                        lifecycle.name(),
                        "order.refused.return-too-many",
                        line.sku(),
                        back,
                        line.returnableQuantity());
            }
            updated.add(back == 0 ? line : line.withReturned(line.returnedQuantity() + back));
        }
        content = withLines(updated);
    }

    /** The carrier delivered everything: only once every unit has shipped. */
    public void deliver(Instant when) {
        if (!fulfilmentStatus().isFullyShipped()) {
            throw new ActionRefusedException("deliver", fulfilmentStatus().name(), "order.refused.deliver-not-shipped");
        }
        if (deliveredAt == null) {
            deliveredAt = when;
        }
    }

    private OrderContent withLines(List<OrderLine> lines) {
        return content.withLines(lines);
    }

    /** Marks who changed the order last, and when. */
    public void touchedBy(String name, Instant now) {
        this.updatedBy = name;
        this.updatedAt = now;
    }

    // --- what the order is -------------------------------------------------------------------------------

    public OrderFacts facts() {
        return new OrderFacts(
                lifecycle,
                heldFrom,
                !content.lines().isEmpty(),
                content.shippingAddress() != null,
                paymentStatus(),
                fulfilmentStatus(),
                paid,
                refunded,
                pending);
    }

    /** Whether the rules would allow the action now (permissions aside). */
    public boolean allows(OrderAction action) {
        return LifecycleRules.decide(action, facts()).isAllowed();
    }

    public PaymentStatus paymentStatus() {
        return PaymentStatus.derive(totals().total(), paid, refunded, pending);
    }

    public FulfilmentStatus fulfilmentStatus() {
        return FulfilmentStatus.derive(content.lines(), deliveredAt != null);
    }

    public Totals totals() {
        return content.totals();
    }

    /** The day payment is due, by the order's terms, counted from the day it was placed (in the shop's zone). */
    public LocalDate dueDate(ZoneId zone) {
        return content.paymentTerms().dueDate(LocalDate.ofInstant(placedAt, zone));
    }

    /** Money is still owed after its due day (a draft or a void order owes nothing). */
    public boolean isOverdue(LocalDate today, ZoneId zone) {
        boolean live = lifecycle != LifecycleStatus.DRAFT
                && lifecycle != LifecycleStatus.CANCELLED
                && lifecycle != LifecycleStatus.DELETED;
        return live && outstanding() > 0 && dueDate(zone).isBefore(today);
    }

    public Money total() {
        return Money.of(totals().total(), content.currency());
    }

    /**
     * What the customer still owes: the total less what they paid. Money the shop gives back is no debt of theirs — a
     * refund is for goods returned or not sent, or closes the deal — so an order refunded in full owes nothing.
     */
    public long outstanding() {
        if (refunded > 0 && refunded >= paid) {
            return 0;
        }
        return Math.max(0, totals().total() - paid);
    }

    public Long id() {
        return id;
    }

    public String number() {
        return number;
    }

    public String channel() {
        return channel;
    }

    public String externalId() {
        return externalId;
    }

    public OrderContent content() {
        return content;
    }

    public List<OrderLine> lines() {
        return content.lines();
    }

    public String currency() {
        return content.currency();
    }

    public LifecycleStatus lifecycle() {
        return lifecycle;
    }

    public LifecycleStatus heldFrom() {
        return heldFrom;
    }

    public String holdReason() {
        return holdReason;
    }

    public long paid() {
        return paid;
    }

    public long refunded() {
        return refunded;
    }

    public long pending() {
        return pending;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }

    /** When the carrier delivered everything; {@code null} until then. */
    public Instant deliveredAt() {
        return deliveredAt;
    }

    /** Whether and by whom the order desk received the order; null while nobody did. */
    public Receipt received() {
        return received;
    }

    /**
     * The order desk receives the order: only an order under way (new, approved or held), once. From then on a
     * salesperson voids it only with approval (the access policy's "received" fact).
     */
    public void receive(String by, Instant at) {
        boolean underWay = lifecycle == LifecycleStatus.NEW
                || lifecycle == LifecycleStatus.APPROVED
                || lifecycle == LifecycleStatus.ON_HOLD;
        if (received != null || !underWay) {
            throw new ActionRefusedException(
                    "receive",
                    lifecycle.name(),
                    received != null ? "order.refused.received-already" : "order.refused.receive-state",
                    received != null ? received.by() : lifecycle);
        }
        received = new Receipt(by, at);
    }

    public int version() {
        return version;
    }
}
