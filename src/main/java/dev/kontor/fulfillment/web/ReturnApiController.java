package dev.kontor.fulfillment.web;

import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.fulfillment.ReturnRecord;
import dev.kontor.fulfillment.ReturnRequest;
import dev.kontor.fulfillment.Returns;
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

/** Deliveries and returns of an order. */
@RestController
@RequestMapping("/api/orders/{orderId}")
@Tag(name = "Shipments")
class ReturnApiController {

    private final Returns returns;

    ReturnApiController(Returns returns) {
        this.returns = returns;
    }

    @ResponseStatus(HttpStatus.NO_CONTENT) // documents the status; the ResponseEntity sets it
    @PostMapping("/returns")
    @Operation(
            summary = "Receive a return",
            description = "Lines by order line id with the units that came back and their disposition (RESTOCK, "
                    + "DEFECTIVE, SCRAP), and a reason. Never more than shipped and not yet back (409).")
    ResponseEntity<Void> receive(Actor actor, @PathVariable long orderId, @RequestBody ReturnRequest request) {
        returns.receive(actor, orderId, request);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/returns")
    @Operation(
            summary = "The order's returns",
            description =
                    "What came back, when, why, and what became of each unit (restocked, defective, not back in stock).")
    List<ReturnRecord> list(Actor actor, @PathVariable long orderId) {
        return returns.of(actor, orderId);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT) // documents the status; the ResponseEntity sets it
    @PostMapping("/delivered")
    @Operation(summary = "Mark the order delivered", description = "Only once everything has shipped (409 otherwise).")
    ResponseEntity<Void> delivered(Actor actor, @PathVariable long orderId) {
        returns.delivered(actor, orderId);
        return ResponseEntity.noContent().build();
    }
}
