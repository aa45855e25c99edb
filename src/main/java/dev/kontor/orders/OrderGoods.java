package dev.kontor.orders;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.catalog.OrderRef;
import dev.kontor.catalog.Reservations;
import dev.kontor.orders.internal.OrderRepository;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.timeline.Change;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What fulfilment and refunds record about an order's goods, each inside the caller's transaction: lock it, record units leaving the
 * warehouse (never for a flagged order), coming back, and the delivery. The fulfilment status follows from the
 * units; the fulfilment module writes its own timeline entries for the shipment, the return or the delivery.
 */
@Service
public class OrderGoods {

    private final OrderRepository orders;
    private final OrderChanges changes;
    private final Reservations reservations;

    OrderGoods(OrderRepository orders, OrderChanges changes, Reservations reservations) {
        this.orders = orders;
        this.changes = changes;
        this.reservations = reservations;
    }

    /** Loads the order and locks it until the caller's transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Order lockForChange(long id) {
        return changes.lock(id);
    }

    /** Records units leaving the warehouse, by line id; answers the changes (lines, fulfilment status). */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Change> applyShipment(Actor actor, Order order, Map<Long, Integer> quantities) {
        if (orders.flagReason(order.id()).isPresent()) {
            throw new ActionRefusedException("ship", order.lifecycle().name(), "order.refused.blacklisted");
        }
        Order before = order.copy();
        order.ship(quantities);
        OrderRef ref = OrderStock.ref(order);
        quantities.forEach((line, quantity) -> reservations.ship(actor, ref, line, quantity));
        return changes.write(actor, before, order);
    }

    /**
     * Records units that came back (a return the warehouse received, or a refund taking the goods back), by line
     * id; answers the changes (lines, fulfilment status).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Change> applyReturn(Actor actor, Order order, Map<Long, Integer> quantities) {
        Order before = order.copy();
        order.takeBack(quantities);
        return changes.write(actor, before, order);
    }

    /** The carrier delivered everything; answers the changes. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Change> applyDelivery(Actor actor, Order order, Instant when) {
        Order before = order.copy();
        order.deliver(when);
        return changes.write(actor, before, order);
    }
}
