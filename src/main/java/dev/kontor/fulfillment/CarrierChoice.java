package dev.kontor.fulfillment;

import java.util.stream.Collectors;

import dev.kontor.access.Actor;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderRevisions;
import dev.kontor.orders.Orders;
import dev.kontor.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer service plans another carrier for an order when the customer asks (seed 001: "快递方式：可以修改成
 * 申通、圆通、顺丰等"), before anything has shipped: one of the carriers the shop offers, with the change in the
 * order's timeline. The warehouse queue then shows and groups it by that carrier.
 */
@Service
public class CarrierChoice {

    private final Carriers carriers;
    private final Orders orders;
    private final OrderRevisions revisions;

    CarrierChoice(Carriers carriers, Orders orders, OrderRevisions revisions) {
        this.carriers = carriers;
        this.orders = orders;
        this.revisions = revisions;
    }

    /** Plans {@code carrier} (code or name) for the order, at the version the user saw when given. */
    @Transactional
    public Order change(Actor actor, long orderId, Integer expectedVersion, String carrier) {
        Order order = revisions.lockForService(actor, orderId, expectedVersion);
        Carrier chosen = carriers.find(carrier)
                .filter(Carrier::active)
                .orElseThrow(() -> InvalidInputException.of(
                        "carrier",
                        "validation.carrier",
                        carrier == null ? "" : carrier,
                        carriers.active().stream().map(Carrier::name).collect(Collectors.joining(", "))));
        String before = planned(orderId);
        if (chosen.code().equals(orders.plannedCarrier(orderId).orElse(null))) {
            return order;
        }
        return revisions.planCarrier(actor, order, chosen.code(), before, chosen.name());
    }

    /** The name of the carrier planned for the order, if any. */
    @Transactional(readOnly = true)
    public String planned(long orderId) {
        return orders.plannedCarrier(orderId)
                .map(code -> carriers.find(code).map(Carrier::name).orElse(code))
                .orElse(null);
    }
}
