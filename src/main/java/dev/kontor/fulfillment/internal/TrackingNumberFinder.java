package dev.kontor.fulfillment.internal;

import java.util.List;

import dev.kontor.fulfillment.Carrier;
import dev.kontor.workbench.OrderFinder;
import org.springframework.stereotype.Component;

/** The search box finds an order by the tracking number of any of its shipments. */
@Component
class TrackingNumberFinder implements OrderFinder {

    private final ShipmentRepository shipments;

    TrackingNumberFinder(ShipmentRepository shipments) {
        this.shipments = shipments;
    }

    @Override
    public List<Long> find(String query) {
        String tracking = Carrier.normalize(query);
        return tracking.length() < 6 ? List.of() : shipments.ordersByTracking(tracking);
    }

    @Override
    public String key() {
        return "tracking";
    }
}
