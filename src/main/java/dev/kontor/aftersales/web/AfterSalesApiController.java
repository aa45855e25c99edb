package dev.kontor.aftersales.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.aftersales.AfterSales;
import dev.kontor.aftersales.Reshipments;
import dev.kontor.aftersales.Splits;
import dev.kontor.orders.ActionOutcome;
import dev.kontor.orders.Order;
import dev.kontor.orders.Orders;
import dev.kontor.orders.web.OrderOrWaiting;
import dev.kontor.orders.web.OrderResponse;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.web.ETags;
import dev.kontor.web.PendingApproval;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Customer service's after-sales verbs over HTTP, each answering the order as it is now (a new one: 201). */
@RestController
@RequestMapping("/api/orders")
@Tag(name = "Orders", description = "Orders and their lifecycle. Amounts are integers in the currency's minor unit.")
class AfterSalesApiController {

    private final AfterSales afterSales;
    private final Reshipments reshipments;
    private final Splits splits;
    private final Orders orders;

    AfterSalesApiController(AfterSales afterSales, Reshipments reshipments, Splits splits, Orders orders) {
        this.afterSales = afterSales;
        this.reshipments = reshipments;
        this.splits = splits;
        this.orders = orders;
    }

    record ExchangeRequest(Long lineId, String sku, String reason) {}

    @PostMapping("/{id}/exchange")
    @Operation(
            summary = "Exchange a line's variant",
            description = "Before it ships; the new variant must be in the "
                    + "catalog and not discontinued; the reservation moves. Send If-Match.")
    ResponseEntity<OrderResponse> exchange(
            Actor actor,
            @PathVariable long id,
            @RequestBody ExchangeRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        if (request.lineId() == null) {
            throw InvalidInputException.of("lineId", "validation.required");
        }
        return ok(
                actor,
                afterSales.exchange(
                        actor, id, ETags.parseIfMatch(ifMatch), request.lineId(), request.sku(), request.reason()));
    }

    /** lineId: that line's unit price; none: the order's discount. */
    record PriceRequest(Long lineId, Long amount, String reason) {}

    @PostMapping("/{id}/price")
    @Operation(
            summary = "Change a line's unit price or the order's discount",
            description = "With a reason, before "
                    + "anything shipped; beyond the discount limit a supervisor is asked (202, Location: the approval "
                    + "request; done when they approve); a total below the money kept is refused (refund first). "
                    + "Send If-Match.")
    @OrderOrWaiting
    ResponseEntity<?> price(
            Actor actor,
            @PathVariable long id,
            @RequestBody PriceRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return okOrPending(
                actor,
                afterSales.changePrice(
                        actor, id, ETags.parseIfMatch(ifMatch), request.lineId(), request.amount(), request.reason()));
    }

    record GiftRequest(String sku, String name, Integer quantity, Long price, String reason) {}

    @PostMapping("/{id}/gifts")
    @Operation(summary = "Add a free gift line", description = "A gift has no price: a price is refused (422).")
    ResponseEntity<OrderResponse> gift(
            Actor actor,
            @PathVariable long id,
            @RequestBody GiftRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ok(
                actor,
                afterSales.addGift(
                        actor,
                        id,
                        ETags.parseIfMatch(ifMatch),
                        request.sku(),
                        request.name(),
                        request.quantity(),
                        request.price(),
                        request.reason()));
    }

    record RebateRequest(Long amount, String reason) {}

    @PostMapping("/{id}/rebates")
    @Operation(
            summary = "Give a rebate off the order",
            description = "Minor units, with a reason; beyond the discount limit a supervisor is asked (202, "
                    + "Location: the approval request; given when they approve).")
    @OrderOrWaiting
    ResponseEntity<?> rebate(
            Actor actor,
            @PathVariable long id,
            @RequestBody RebateRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return okOrPending(
                actor, afterSales.rebate(actor, id, ETags.parseIfMatch(ifMatch), request.amount(), request.reason()));
    }

    record ReshipRequest(List<Long> lineIds, String reason) {}

    @ResponseStatus(HttpStatus.CREATED) // documents the status; the ResponseEntity sets it
    @PostMapping("/{id}/reship")
    @Operation(
            summary = "Re-ship (a lost parcel)",
            description = "A new order RE<number> for the chosen lines (all "
                    + "when none are named), at no charge, approved and paid. Refused for a void order.")
    ResponseEntity<OrderResponse> reship(Actor actor, @PathVariable long id, @RequestBody ReshipRequest request) {
        return created(actor, reshipments.reship(actor, id, request.lineIds(), request.reason()));
    }

    /** lineIds: whole lines; quantities: line id → units to move (part of a line: "split quantity"). */
    record SplitRequest(List<Long> lineIds, Map<Long, Integer> quantities, String reason) {}

    @ResponseStatus(HttpStatus.CREATED) // documents the status; the ResponseEntity sets it
    @PostMapping("/{id}/split")
    @Operation(
            summary = "Split lines off into a child order",
            description = "The chosen lines (lineIds), or some units of "
                    + "a line (quantities: {lineId: units}; the units kept back take the line's backorder), not all, none shipped, "
                    + "move with their reservations into <number>-OSP<n>; money beyond the parent's new total is carried over. "
                    + "Answers the child. Send If-Match with the parent's ETag.")
    ResponseEntity<OrderResponse> split(
            Actor actor,
            @PathVariable long id,
            @RequestBody SplitRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Map<Long, Integer> chosen = new LinkedHashMap<>();
        if (request.lineIds() != null) {
            request.lineIds().forEach(line -> chosen.put(line, null));
        }
        if (request.quantities() != null) {
            chosen.putAll(request.quantities());
        }
        return created(actor, splits.split(actor, id, ETags.parseIfMatch(ifMatch), chosen, request.reason()));
    }

    private ResponseEntity<?> okOrPending(Actor actor, ActionOutcome outcome) {
        return outcome.isPendingApproval()
                ? PendingApproval.answer(
                        outcome.approval().id(),
                        outcome.approval().action(),
                        outcome.approval().why(),
                        outcome.order().id(),
                        outcome.order().number())
                : ok(actor, outcome.order());
    }

    private ResponseEntity<OrderResponse> ok(Actor actor, Order order) {
        return ResponseEntity.ok().eTag(ETags.of(order.version())).body(OrderResponse.of(order, orders, actor));
    }

    private ResponseEntity<OrderResponse> created(Actor actor, Order order) {
        return ResponseEntity.created(URI.create("/api/orders/" + order.id()))
                .eTag(ETags.of(order.version()))
                .body(OrderResponse.of(order, orders, actor));
    }
}
