package dev.kontor.integration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which entries of an order's timeline are events for integrators, and their types (docs/events.md). Everything that
 * changes what an order is or where it stands is one; what only happened around it (an activity planned, a document
 * downloaded, an approval asked for) is not. Plain Java: the mapping is tested on its own.
 */
public final class OrderEventTypes {

    private OrderEventTypes() {}

    private static final Map<String, String> BY_ACTION = new LinkedHashMap<>();

    static {
        for (String placed :
                List.of("order.created", "order.draft-created", "order.split-created", "order.reship-created")) {
            BY_ACTION.put(placed, "order.placed");
        }
        BY_ACTION.put("order.submit", "order.submitted");
        BY_ACTION.put("order.approve", "order.approved");
        BY_ACTION.put("order.hold", "order.held");
        BY_ACTION.put("order.release", "order.released");
        BY_ACTION.put("order.cancel", "order.cancelled");
        BY_ACTION.put("order.complete", "order.completed");
        BY_ACTION.put("order.delete", "order.deleted");
        BY_ACTION.put("payment.recorded", "order.paid");
        BY_ACTION.put("payment.settled", "order.paid");
        BY_ACTION.put("refund.recorded", "order.refunded");
        BY_ACTION.put("shipment.recorded", "order.shipped");
        BY_ACTION.put("shipment.delivered", "order.delivered");
        BY_ACTION.put("return.received", "order.returned");
        BY_ACTION.put("order.split", "order.split");
        BY_ACTION.put("order.reshipped", "order.reshipped");
        BY_ACTION.put("order.note-added", "order.note-added");
        BY_ACTION.put("order.imported", "order.imported");
        BY_ACTION.put("document.issued", "order.document-issued");
        for (String updated : List.of(
                "order.edited",
                "order.tagged",
                "order.assigned",
                "order.address-changed",
                "order.carrier-changed",
                "order.price-changed",
                "order.flagged",
                "order.unflagged",
                "order.stage",
                "order.received",
                "order.customer-merged",
                "order.updated-by-import",
                "order.hold-expired",
                "order.exchange",
                "order.gift",
                "order.rebate")) {
            BY_ACTION.put(updated, "order.updated");
        }
    }

    /** Every event type, in a stable order: what a webhook can subscribe to. */
    public static final List<String> ALL =
            BY_ACTION.values().stream().distinct().toList();

    /** The event type of an order's timeline entry, or nothing when the entry is no event. */
    public static Optional<String> of(String timelineAction) {
        return Optional.ofNullable(BY_ACTION.get(timelineAction));
    }

    /**
     * The event type of an order's timeline entry with its details: a payment is {@code order.paid} only when its
     * money arrived (state SUCCEEDED); one recorded or settled as pending, unknown or failed changed the order
     * without paying it ({@code order.updated}).
     */
    public static Optional<String> of(String timelineAction, Map<String, String> details) {
        Optional<String> type = of(timelineAction);
        if (type.filter("order.paid"::equals).isPresent()
                && details != null
                && details.containsKey("state")
                && !"SUCCEEDED".equals(details.get("state"))) {
            return Optional.of("order.updated");
        }
        return type;
    }
}
