package dev.kontor.fulfillment.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.fulfillment.Carrier;
import dev.kontor.fulfillment.Carriers;
import dev.kontor.fulfillment.ReturnDisposition;
import dev.kontor.fulfillment.Returns;
import dev.kontor.fulfillment.Shipments;
import dev.kontor.orders.FulfilmentStatus;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderPanel;
import dev.kontor.orders.Orders;
import org.springframework.stereotype.Component;

/** The shipments section of the order page, with the form to ship what is still open. */
@Component
class ShipmentPanel implements OrderPanel {

    private final Shipments shipments;
    private final Carriers carriers;
    private final Returns returns;
    private final Orders orders;

    ShipmentPanel(Shipments shipments, Carriers carriers, Returns returns, Orders orders) {
        this.returns = returns;
        this.shipments = shipments;
        this.carriers = carriers;
        this.orders = orders;
    }

    @Override
    public int position() {
        return 20;
    }

    @Override
    public String template() {
        return "fulfillment/panel";
    }

    @Override
    public Map<String, Object> data(Order order, Actor actor) {
        boolean canShip = order.lifecycle() == LifecycleStatus.APPROVED
                && order.lines().stream().anyMatch(l -> l.openQuantity() > 0)
                && orders.verdict(actor, order, Permission.SHIPMENT_RECORD).isAllowed();
        boolean warehouse =
                orders.verdict(actor, order, Permission.SHIPMENT_RECORD).isAllowed();
        boolean service = orders.verdict(actor, order, Permission.ORDER_SERVICE).isAllowed();
        boolean unshipped = order.fulfilmentStatus() == FulfilmentStatus.UNFULFILLED
                && (order.lifecycle() == LifecycleStatus.NEW
                        || order.lifecycle() == LifecycleStatus.APPROVED
                        || order.lifecycle() == LifecycleStatus.ON_HOLD
                        || order.lifecycle() == LifecycleStatus.DRAFT);
        String planned = orders.plannedCarrier(order.id()).orElse(null);
        Map<String, Object> data = new HashMap<>();
        data.put(
                "plannedCarrierName",
                planned == null
                        ? null
                        : carriers.find(planned).map(Carrier::name).orElse(planned));
        data.put("canChangeCarrier", service && unshipped);
        data.put("offered", service && unshipped ? carriers.active() : List.of());
        data.put("shipments", shipments.of(actor, order.id()));
        data.put("canShip", canShip);
        data.put("carriers", canShip ? carriers.active() : List.of());
        data.put("returns", returns.of(actor, order.id()));
        data.put(
                "canDeliver",
                warehouse && order.deliveredAt() == null && order.fulfilmentStatus() == FulfilmentStatus.SHIPPED);
        data.put("canReturn", warehouse && order.lines().stream().anyMatch(l -> l.returnableQuantity() > 0));
        data.put("dispositions", ReturnDisposition.values());
        return data;
    }
}
