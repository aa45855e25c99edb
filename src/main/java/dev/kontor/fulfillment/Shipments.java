package dev.kontor.fulfillment;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.fulfillment.internal.ShipmentRepository;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderGoods;
import dev.kontor.orders.Orders;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.Problems;
import dev.kontor.shared.Text;
import dev.kontor.timeline.Change;
import dev.kontor.timeline.Timeline;
import dev.kontor.timeline.TimelineEntry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records shipments: units leave, the order's fulfilment status follows, the timeline says so. */
@Service
public class Shipments {

    private final ShipmentRepository shipments;
    private final Orders orders;
    private final OrderGoods goods;
    private final Permissions permissions;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Carriers carriers;

    Shipments(
            ShipmentRepository shipments,
            Orders orders,
            OrderGoods goods,
            Permissions permissions,
            Timeline timeline,
            ApplicationEventPublisher events,
            Clock clock,
            Carriers carriers) {
        this.carriers = carriers;
        this.shipments = shipments;
        this.orders = orders;
        this.goods = goods;
        this.permissions = permissions;
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Shipment record(Actor actor, long orderId, ShipmentRequest request) {
        Map<Long, Integer> quantities = check(request);
        Carrier carrier = carrierOf(request);
        Order order = goods.lockForChange(orderId);
        permissions.requireAllowed(actor, Permission.SHIPMENT_RECORD, orders.situationOf(order));
        List<Change> changes = goods.applyShipment(actor, order, quantities);
        Instant now = clock.instant();
        String tracking = Carrier.normalize(Text.clean(request.trackingNumber()));
        long id = shipments.insert(
                orderId,
                carrier,
                tracking,
                request.shippedAt() == null ? now : request.shippedAt(),
                quantities,
                actor.userId(),
                actor.displayName(),
                now);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("carrier", carrier.name());
        if (tracking != null) {
            details.put("trackingNumber", tracking);
        }
        timeline.record(new TimelineEntry(
                null,
                Orders.SUBJECT,
                orderId,
                now,
                actor.userId(),
                actor.displayName(),
                "shipment.recorded",
                changes,
                null,
                details));
        events.publishEvent(new ShipmentRecorded(id, orderId, carrier.name(), tracking));
        return shipments.findByOrder(orderId).stream()
                .filter(s -> s.id() == id)
                .findFirst()
                .orElseThrow();
    }

    /** The order's shipments, for a user who may see the order. */
    @Transactional(readOnly = true)
    public List<Shipment> of(Actor actor, long orderId) {
        orders.view(actor, orderId);
        return shipments.findByOrder(orderId);
    }

    /** The carrier the request names, active, and a tracking number that fits its pattern. */
    private Carrier carrierOf(ShipmentRequest request) {
        Carrier carrier = carriers.find(request.carrier())
                .filter(Carrier::active)
                .orElseThrow(() -> InvalidInputException.of(
                        "carrier",
                        "validation.carrier.unknown",
                        request.carrier().strip()));
        String tracking = Text.clean(request.trackingNumber());
        if (tracking != null && !carrier.accepts(tracking)) {
            throw InvalidInputException.of("trackingNumber", "validation.tracking.pattern", tracking, carrier.name());
        }
        return carrier;
    }

    private static Map<Long, Integer> check(ShipmentRequest request) {
        Problems problems = new Problems();
        if (Text.clean(request.carrier()) == null) {
            problems.add("carrier", "validation.required");
        } else if (request.carrier().length() > 50) {
            problems.add("carrier", "validation.too-long", 50);
        }
        if (request.trackingNumber() != null && request.trackingNumber().length() > 100) {
            problems.add("trackingNumber", "validation.too-long", 100);
        }
        Map<Long, Integer> quantities = new LinkedHashMap<>();
        if (request.lines() == null || request.lines().isEmpty()) {
            problems.add("lines", "validation.shipment.empty");
        } else {
            for (int i = 0; i < request.lines().size(); i++) {
                ShipmentRequest.Line line = request.lines().get(i);
                if (line == null || line.lineId() == null) {
                    problems.add("lines[" + i + "].lineId", "validation.required");
                } else if (line.quantity() == null || line.quantity() < 0) {
                    problems.add("lines[" + i + "].quantity", "validation.not-negative");
                } else if (line.quantity() > 0) {
                    quantities.merge(line.lineId(), line.quantity(), Integer::sum);
                }
            }
            if (problems.isEmpty() && quantities.isEmpty()) {
                problems.add("lines", "validation.shipment.empty");
            }
        }
        problems.throwIfAny();
        return quantities;
    }
}
