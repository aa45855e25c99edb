package dev.kontor.fulfillment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.catalog.Inventory;
import dev.kontor.catalog.OrderRef;
import dev.kontor.fulfillment.internal.ShipmentRepository;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderGoods;
import dev.kontor.orders.OrderLine;
import dev.kontor.orders.Orders;
import dev.kontor.shared.Problems;
import dev.kontor.shared.Text;
import dev.kontor.timeline.Change;
import dev.kontor.timeline.Timeline;
import dev.kontor.timeline.TimelineEntry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Goods coming back and goods arriving: a return received by the warehouse (per line: back to stock, to
 * defective, or scrapped) and the carrier's delivery. Each is one transaction with the stock ledger, the order's
 * fulfilment status and its timeline. Refunding the money is finance's (the order's payments panel shows what
 * came back and is not refunded yet).
 */
@Service
public class Returns {

    private final ShipmentRepository records;
    private final Orders orders;
    private final OrderGoods goods;
    private final Inventory inventory;
    private final Permissions permissions;
    private final Timeline timeline;
    private final Clock clock;

    Returns(
            ShipmentRepository records,
            Orders orders,
            OrderGoods goods,
            Inventory inventory,
            Permissions permissions,
            Timeline timeline,
            Clock clock) {
        this.records = records;
        this.orders = orders;
        this.goods = goods;
        this.inventory = inventory;
        this.permissions = permissions;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public void receive(Actor actor, long orderId, ReturnRequest request) {
        Problems problems = new Problems();
        String reason = Text.clean(request.reason());
        if (reason == null) {
            problems.add("reason", "validation.reason.required");
        } else if (reason.length() > 1000) {
            problems.add("reason", "validation.too-long", 1000);
        }
        Map<Long, Integer> quantities = new LinkedHashMap<>();
        Map<Long, ReturnDisposition> dispositions = new LinkedHashMap<>();
        List<ReturnRequest.Line> lines = request.lines() == null ? List.of() : request.lines();
        for (int i = 0; i < lines.size(); i++) {
            ReturnRequest.Line line = lines.get(i);
            String at = "lines[" + i + "].";
            if (line == null || line.lineId() == null) {
                problems.add(at + "lineId", "validation.required");
            } else if (line.quantity() == null || line.quantity() < 0) {
                problems.add(at + "quantity", "validation.not-negative");
            } else if (line.disposition() == null) {
                problems.add(at + "disposition", "validation.required");
            } else if (line.quantity() > 0) {
                if (quantities.containsKey(line.lineId())) {
                    problems.add(at + "lineId", "validation.refund.duplicate-line", line.lineId());
                }
                quantities.put(line.lineId(), line.quantity());
                dispositions.put(line.lineId(), line.disposition());
            }
        }
        if (problems.isEmpty() && quantities.isEmpty()) {
            problems.add("lines", "validation.return.empty");
        }
        problems.throwIfAny();
        Order order = goods.lockForChange(orderId);
        permissions.requireAllowed(actor, Permission.SHIPMENT_RECORD, orders.situationOf(order));
        List<Change> changes = goods.applyReturn(actor, order, quantities);
        Instant now = clock.instant();
        long id = records.insertReturn(
                orderId, reason, quantities, dispositions, actor.userId(), actor.displayName(), now);
        OrderRef ref = new OrderRef(orderId, order.number());
        List<String> what = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            Integer quantity = quantities.get(line.id());
            if (quantity == null) {
                continue;
            }
            ReturnDisposition disposition = dispositions.get(line.id());
            what.add(quantity + " × " + line.sku() + ": " + disposition.name());
            if (disposition != ReturnDisposition.SCRAP) {
                inventory.returnFromCustomer(
                        actor,
                        ref,
                        line.sku(),
                        quantity,
                        disposition == ReturnDisposition.DEFECTIVE,
                        "return #" + id + ": " + reason);
            }
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("goods", String.join("; ", what));
        timeline.record(new TimelineEntry(
                null,
                Orders.SUBJECT,
                orderId,
                now,
                actor.userId(),
                actor.displayName(),
                "return.received",
                changes,
                reason,
                details));
    }

    /** The carrier delivered everything shipped (the order must have shipped in full). */
    @Transactional
    public void delivered(Actor actor, long orderId) {
        Order order = goods.lockForChange(orderId);
        permissions.requireAllowed(actor, Permission.SHIPMENT_RECORD, orders.situationOf(order));
        Instant now = clock.instant();
        List<Change> changes = goods.applyDelivery(actor, order, now);
        records.markDelivered(orderId, now);
        timeline.record(new TimelineEntry(
                null,
                Orders.SUBJECT,
                orderId,
                now,
                actor.userId(),
                actor.displayName(),
                "shipment.delivered",
                changes,
                null,
                Map.of()));
    }

    /** The order's returns, for a user who may see the order. */
    @Transactional(readOnly = true)
    public List<ReturnRecord> of(Actor actor, long orderId) {
        orders.view(actor, orderId);
        return records.returnsOf(orderId);
    }
}
