package dev.kontor.orders;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.kontor.access.Actor;
import dev.kontor.calendar.WorkingDays;
import dev.kontor.catalog.Holding;
import dev.kontor.catalog.Inventory;
import dev.kontor.catalog.InventorySettings;
import dev.kontor.catalog.Need;
import dev.kontor.catalog.OrderRef;
import dev.kontor.catalog.Reservations;
import dev.kontor.customers.Customers;
import org.springframework.stereotype.Component;

/**
 * Keeps what an order holds of the stock in step with its state and lines, in the transaction that changes the
 * order: a draft holds what is available for some working days; a new order commits when stock is taken at
 * creation, otherwise keeps what it holds; an approved (or held) order commits everything, backordering or refusing
 * what is missing; a void or deleted order lets go of everything.
 */
@Component
class OrderStock {

    private final Inventory inventory;
    private final Reservations reservations;
    private final InventorySettings settings;
    private final WorkingDays workingDays;
    private final Customers customers;
    private final Clock clock;

    OrderStock(
            Inventory inventory,
            Reservations reservations,
            InventorySettings settings,
            WorkingDays workingDays,
            Customers customers,
            Clock clock) {
        this.inventory = inventory;
        this.reservations = reservations;
        this.settings = settings;
        this.workingDays = workingDays;
        this.customers = customers;
        this.clock = clock;
    }

    void sync(Actor actor, Order order) {
        OrderRef ref = ref(order);
        LifecycleStatus state = order.lifecycle() == LifecycleStatus.ON_HOLD ? order.heldFrom() : order.lifecycle();
        List<Need> needs = needs(order);
        boolean atCreation = settings.reserveAt() == InventorySettings.ReserveAt.CREATION;
        switch (state) {
            case DRAFT -> holdForDraft(actor, ref, needs);
            case NEW ->
                reservations.reserve(
                        actor,
                        ref,
                        atCreation ? needs : held(needs, order.id()),
                        atCreation ? Reservations.Mode.COMMIT : Reservations.Mode.HOLD,
                        null);
            case APPROVED -> reservations.reserve(actor, ref, needs, Reservations.Mode.COMMIT, null);
            case CANCELLED, DELETED -> reservations.release(actor, ref);
            default -> {}
        }
    }

    /**
     * {@link #sync} for orders just placed, together: an approved one (approved as it was placed) commits its stock;
     * a new one (or held from new) commits when stock is taken at creation, otherwise it holds nothing yet.
     */
    void syncNew(Actor actor, List<Order> placed) {
        Map<OrderRef, List<Need>> commitments = new LinkedHashMap<>();
        boolean atCreation = settings.reserveAt() == InventorySettings.ReserveAt.CREATION;
        for (Order order : placed) {
            LifecycleStatus state = order.lifecycle() == LifecycleStatus.ON_HOLD ? order.heldFrom() : order.lifecycle();
            if (state != LifecycleStatus.NEW && state != LifecycleStatus.APPROVED) {
                throw new IllegalArgumentException("syncNew is for new orders; " + order.number() + " is " + state);
            }
            if (state == LifecycleStatus.APPROVED || atCreation) {
                commitments.put(ref(order), needs(order));
            }
        }
        if (!commitments.isEmpty()) {
            reservations.commitAllPlaced(actor, commitments); // new: they hold nothing yet
        }
    }

    /**
     * Which of these orders, holding nothing yet, could not commit their stock now (a variant not backordered, short)
     * — their places in the list; the stock rows stay locked until the transaction ends. None when stock is taken at
     * creation: placing such an order commits it already.
     */
    Set<Integer> shortOf(List<Order> orders) {
        if (orders.isEmpty() || settings.reserveAt() == InventorySettings.ReserveAt.CREATION) {
            return Set.of();
        }
        return reservations.shortOf(orders.stream()
                .map(o -> o.lines().stream()
                        .map(l -> new Need(0, l.sku(), l.openQuantity()))
                        .toList())
                .toList());
    }

    private void holdForDraft(Actor actor, OrderRef ref, List<Need> needs) {
        if (settings.draftHoldWorkingDays() <= 0) {
            return;
        }
        String calendar = settings.holdCalendar().isBlank() ? customers.homeCountry() : settings.holdCalendar();
        reservations.reserve(
                actor,
                ref,
                needs,
                Reservations.Mode.HOLD,
                workingDays.after(clock.instant(), settings.draftHoldWorkingDays(), calendar));
    }

    static OrderRef ref(Order order) {
        return new OrderRef(order.id(), order.number());
    }

    /** What each line of the order needs of the stock: its units still to ship. */
    static List<Need> needs(Order order) {
        return order.lines().stream()
                .map(l -> new Need(l.id(), l.sku(), l.openQuantity()))
                .toList();
    }

    /** The needs of lines that already hold stock (a submitted draft keeps its hold, now without deadline). */
    private List<Need> held(List<Need> needs, long orderId) {
        Set<Long> holding =
                inventory.holdingsOf(orderId).stream().map(Holding::orderLineId).collect(Collectors.toSet());
        return needs.stream().filter(n -> holding.contains(n.orderLineId())).toList();
    }
}
