package dev.kontor.fulfillment.web;

import java.net.URI;
import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.fulfillment.Shipment;
import dev.kontor.fulfillment.ShipmentRequest;
import dev.kontor.fulfillment.Shipments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Shipments of an order. */
@RestController
@RequestMapping("/api/orders/{orderId}/shipments")
@Tag(name = "Shipments", description = "Goods leaving the warehouse; the order's fulfilment status follows.")
class ShipmentApiController {

    private final Shipments shipments;

    ShipmentApiController(Shipments shipments) {
        this.shipments = shipments;
    }

    @ResponseStatus(HttpStatus.CREATED) // documents the status; the ResponseEntity sets it
    @PostMapping
    @Operation(
            summary = "Record a shipment",
            description =
                    "Lines by order line id with the units shipped; refused (409) for more than is open or an order not approved.")
    ResponseEntity<Shipment> ship(Actor actor, @PathVariable long orderId, @RequestBody ShipmentRequest request) {
        Shipment shipment = shipments.record(actor, orderId, request);
        return ResponseEntity.created(URI.create("/api/orders/" + orderId + "/shipments/" + shipment.id()))
                .body(shipment);
    }

    @GetMapping
    @Operation(
            summary = "The order's shipments",
            description = "Carrier, tracking number, when, who, and the units of each line shipped.")
    List<Shipment> list(Actor actor, @PathVariable long orderId) {
        return shipments.of(actor, orderId);
    }
}
