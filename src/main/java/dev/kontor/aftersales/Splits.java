package dev.kontor.aftersales;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.kontor.access.Actor;
import dev.kontor.catalog.HoldingMoves;
import dev.kontor.catalog.OrderRef;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.NoteKind;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderContent;
import dev.kontor.orders.OrderLine;
import dev.kontor.orders.OrderNotes;
import dev.kontor.orders.OrderRevisions;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Splitting an order: chosen lines, or chosen units of them, move into a new child order {@code <number>-OSP<n>} in
 * the same state (awaiting review or approved), so they can ship on their own. Their reservations move with them
 * (nobody can take the units in between), and their share of the order's discount; shipping stays with the parent,
 * and the shipping notes are copied. Money the parent holds beyond its new total is carried over to the child
 * ({@link OrderSplit}, handled by the payments module in this transaction), so nothing is paid twice or lost.
 */
@Service
public class Splits {

    private final OrderRevisions revisions;
    private final OrderNotes notes;
    private final HoldingMoves holdings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Splits(
            OrderRevisions revisions,
            OrderNotes notes,
            HoldingMoves holdings,
            ApplicationEventPublisher events,
            Clock clock) {
        this.revisions = revisions;
        this.notes = notes;
        this.holdings = holdings;
        this.events = events;
        this.clock = clock;
    }

    /** Splits whole lines off; see {@link #split(Actor, long, Integer, Map, String)}. */
    @Transactional
    public Order split(Actor actor, long id, Integer expectedVersion, List<Long> lineIds, String reason) {
        Map<Long, Integer> whole = new LinkedHashMap<>();
        if (lineIds != null) {
            lineIds.forEach(line -> whole.put(line, null));
        }
        return split(actor, id, expectedVersion, whole, reason);
    }

    /**
     * Splits chosen quantities off into a child order: {@code quantities} maps a line to how many of its units move
     * ({@code null}: all of them). Moving part of a line keeps the rest on the parent ("split quantity"): the units
     * kept back take the line's backorder with them, so the parent keeps what is on the shelf and can ship; the
     * line's discount is shared by units. Refused: nothing chosen, everything chosen, a shipped line, a payment still
     * pending, a state other than awaiting review or approved. Answers the child.
     */
    @Transactional
    public Order split(Actor actor, long id, Integer expectedVersion, Map<Long, Integer> quantities, String reason) {
        String why = Reasons.require(reason);
        Order parent = revisions.lockForService(actor, id, expectedVersion);
        if (parent.lifecycle() != LifecycleStatus.NEW && parent.lifecycle() != LifecycleStatus.APPROVED) {
            throw refused(parent, "order.refused.split-state", parent.lifecycle());
        }
        SplitPlan plan = SplitPlan.of(parent, quantities == null ? Map.of() : quantities);
        if (parent.pending() > 0) {
            throw refused(parent, "order.refused.payment-pending");
        }
        OrderContent p = parent.content();
        Order child = revisions.derive(
                actor,
                parent,
                p.toBuilder()
                        .lines(plan.childLines())
                        .shipping(0)
                        .discount(plan.childDiscount())
                        .build(),
                "SPLIT",
                n -> parent.number() + "-OSP" + n,
                parent.placedAt(),
                clock.instant(),
                "order.split-created",
                why);
        OrderRef childRef = new OrderRef(child.id(), child.number());
        for (int i = 0; i < plan.moving().size(); i++) {
            OrderLine moving = plan.moving().get(i);
            holdings.move(moving.id(), childRef, child.lines().get(i).id(), moving.quantity());
        }
        notes.copy(parent.id(), child.id(), NoteKind.SHIPPING);
        revisions.revise(
                actor,
                parent,
                p.toBuilder()
                        .lines(plan.staying())
                        .discount(p.discount() - plan.childDiscount())
                        .build(),
                "order.split",
                why,
                Map.of(
                        "child",
                        child.number(),
                        "lines",
                        plan.moving().stream()
                                .map(l -> l.quantity() + " × " + l.sku())
                                .collect(Collectors.joining(", "))));
        Order established =
                revisions.establish(actor, child, parent.lifecycle() == LifecycleStatus.APPROVED, parent.number());
        events.publishEvent(new OrderSplit(parent.id(), parent.number(), child.id(), child.number()));
        return established;
    }

    private static ActionRefusedException refused(Order parent, String reason, Object... args) {
        return new ActionRefusedException("split", parent.lifecycle().name(), reason, args);
    }

    /**
     * What moves (whole lines, or some units of them, each with its share of the line's discount) and what stays.
     *
     * @param moving the parent's lines as they move: their ids, the units and discount moving
     * @param staying the parent's lines as they stay
     */
    record SplitPlan(List<OrderLine> moving, List<OrderLine> staying, long childDiscount) {

        static SplitPlan of(Order parent, Map<Long, Integer> chosen) {
            List<OrderLine> picked = parent.lines().stream()
                    .filter(l -> chosen.containsKey(l.id()))
                    .toList();
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
                throw refused(parent, "order.refused.split-shipped");
            }
            List<OrderLine> moving = new ArrayList<>();
            List<OrderLine> staying = new ArrayList<>();
            for (OrderLine l : parent.lines()) {
                if (!chosen.containsKey(l.id())) {
                    staying.add(l);
                    continue;
                }
                int units = chosen.get(l.id()) == null ? l.quantity() : chosen.get(l.id());
                long movingDiscount = Math.floorDiv(Math.multiplyExact(l.discount(), (long) units), l.quantity());
                moving.add(l.withQuantity(units, movingDiscount));
                if (units < l.quantity()) {
                    staying.add(l.withQuantity(l.quantity() - units, l.discount() - movingDiscount));
                }
            }
            if (staying.isEmpty()) {
                throw refused(parent, "order.refused.split-everything");
            }
            long subtotal = parent.lines().stream().mapToLong(OrderLine::total).sum();
            long movingValue = moving.stream().mapToLong(OrderLine::total).sum();
            long childDiscount = subtotal <= 0
                    ? 0
                    : Math.floorDiv(Math.multiplyExact(parent.content().discount(), movingValue), subtotal);
            return new SplitPlan(moving, staying, childDiscount);
        }

        /** The moving lines as the child's own: new lines, numbered from 1. */
        List<OrderLine> childLines() {
            List<OrderLine> lines = new ArrayList<>();
            for (OrderLine l : moving) {
                lines.add(l.copyAt(lines.size() + 1));
            }
            return lines;
        }
    }
}
