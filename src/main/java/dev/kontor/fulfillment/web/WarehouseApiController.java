package dev.kontor.fulfillment.web;

import java.io.StringReader;
import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.fulfillment.BulkShipment;
import dev.kontor.fulfillment.Carrier;
import dev.kontor.fulfillment.CarrierChoice;
import dev.kontor.fulfillment.Carriers;
import dev.kontor.fulfillment.WarehouseQueue;
import dev.kontor.orders.Order;
import dev.kontor.shared.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The warehouse over the API: its queue, shipping from a file, the carriers. */
@RestController
@Tag(name = "Warehouse", description = "What to ship now, bulk shipping from a CSV, carriers.")
class WarehouseApiController {

    private final WarehouseQueue queue;
    private final BulkShipment bulk;
    private final Carriers carriers;
    private final CarrierChoice carrierChoice;

    WarehouseApiController(WarehouseQueue queue, BulkShipment bulk, Carriers carriers, CarrierChoice carrierChoice) {
        this.queue = queue;
        this.bulk = bulk;
        this.carriers = carriers;
        this.carrierChoice = carrierChoice;
    }

    /** @param carrier a carrier's code or name, one the shop offers */
    record CarrierChange(String carrier) {}

    /** What the order plans to ship with, after the change. */
    record PlannedCarrier(long orderId, String orderNumber, String carrier) {}

    @PutMapping("/api/orders/{orderId}/carrier")
    @Operation(
            summary = "Plan another carrier for an order",
            description = "Customer service, when the customer asks, before anything has shipped (409 after); an "
                    + "unknown or retired carrier is 422 naming the offered ones. Send If-Match with the order's ETag.")
    ResponseEntity<PlannedCarrier> changeCarrier(
            Actor actor,
            @PathVariable long orderId,
            @RequestBody CarrierChange request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Order order = carrierChoice.change(actor, orderId, ETags.parseIfMatch(ifMatch), request.carrier());
        return ResponseEntity.ok()
                .eTag(ETags.of(order.version()))
                .body(new PlannedCarrier(order.id(), order.number(), carrierChoice.planned(order.id())));
    }

    @GetMapping("/api/warehouse/queue")
    @Operation(
            summary = "Orders ready to ship, oldest first",
            description = "Approved, not on hold, paid (or allowed to ship unpaid by their terms or cash on delivery), "
                    + "every unit reserved. With counts per planned carrier and per channel.")
    WarehouseQueue.View queue(
            Actor actor,
            @RequestParam(required = false) String carrier,
            @RequestParam(required = false) String channel) {
        return queue.view(actor, carrier, channel);
    }

    @PostMapping(value = "/api/shipments/bulk", consumes = "text/csv")
    @Operation(
            summary = "Ship many orders from a CSV",
            description = "Rows of order number, carrier, tracking number (a header row is skipped). Each row ships "
                    + "what is open on its order; failed rows are reported by line and the others go through. A row "
                    + "already shipped with that tracking number is reported, not shipped again.")
    BulkShipment.Report bulk(Actor actor, @RequestBody String csv) {
        return bulk.ship(actor, new StringReader(csv));
    }

    @GetMapping("/api/carriers")
    @Operation(
            summary = "The carriers, with their tracking-number patterns",
            description = "Each carrier with its code, name, tracking-number pattern and whether it is offered.")
    List<Carrier> carriers() {
        return carriers.all();
    }

    record CarrierRequest(String name, String trackingPattern, Boolean active) {}

    @PutMapping("/api/carriers/{code}")
    @Operation(
            summary = "Add or change a carrier (admins)",
            description =
                    "The code is the carrier's key (DHL, BRING…); the tracking pattern is a regular expression for its tracking numbers.")
    Carrier saveCarrier(Actor actor, @PathVariable String code, @RequestBody CarrierRequest request) {
        return carriers.save(
                actor, code, request.name(), request.trackingPattern(), request.active() == null || request.active());
    }
}
