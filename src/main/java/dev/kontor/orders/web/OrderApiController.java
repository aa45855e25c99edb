package dev.kontor.orders.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kontor.access.Actor;
import dev.kontor.access.ApprovalRequest;
import dev.kontor.orders.ActionOutcome;
import dev.kontor.orders.FulfilmentStatus;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.NoteKind;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderFilter;
import dev.kontor.orders.OrderNote;
import dev.kontor.orders.OrderPage;
import dev.kontor.orders.OrderSort;
import dev.kontor.orders.OrderSummary;
import dev.kontor.orders.Orders;
import dev.kontor.orders.PaymentStatus;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.web.ETags;
import dev.kontor.timeline.TimelineEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Orders over HTTP: create, read, list, edit drafts, move along the lifecycle, notes, timeline. */
@RestController
@RequestMapping("/api/orders")
@Tag(name = "Orders", description = "Orders and their lifecycle. Amounts are integers in the currency's minor unit.")
class OrderApiController {

    private final Orders orders;

    OrderApiController(Orders orders) {
        this.orders = orders;
    }

    @PostMapping
    @Operation(
            summary = "Create an order",
            description = "Creates an order awaiting review (or a draft with \"draft\": true). Send an Idempotency-Key "
                    + "header to retry safely. The same channel and externalId twice returns the first order (200).")
    ResponseEntity<?> create(Actor actor, @RequestBody OrderRequest request) {
        Orders.Placed placed = orders.place(actor, request.toInput(), Boolean.TRUE.equals(request.draft()));
        Order order = placed.order();
        if (placed.approval() != null) {
            return pending(placed.approval(), order);
        }
        var response = placed.created()
                ? ResponseEntity.created(URI.create("/api/orders/" + order.id()))
                : ResponseEntity.ok();
        return response.eTag(ETags.of(order.version())).body(OrderResponse.of(order, orders, actor));
    }

    /** 202: the command waits for a supervisor; Location is the approval request, the body says what waits. */
    static ResponseEntity<PendingApproval> pending(ApprovalRequest approval, Order order) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/approvals/" + approval.id()))
                .body(new PendingApproval(
                        approval.id(),
                        approval.action(),
                        approval.why(),
                        "/api/approvals/" + approval.id(),
                        order.id(),
                        order.number()));
    }

    /** What a 202 answers: the request filed instead of the action. */
    record PendingApproval(
            long approvalId, String action, String why, String approval, long orderId, String orderNumber) {}

    @GetMapping("/{id}")
    @Operation(summary = "Get an order", description = "The ETag header carries the version for If-Match.")
    ResponseEntity<OrderResponse> get(Actor actor, @PathVariable long id) {
        Order order = orders.view(actor, id);
        return ResponseEntity.ok().eTag(ETags.of(order.version())).body(OrderResponse.of(order, orders, actor));
    }

    @GetMapping(params = "number")
    @Operation(summary = "Find an order by its number")
    ResponseEntity<OrderResponse> byNumber(Actor actor, @RequestParam String number) {
        Order order = orders.byNumber(actor, number).orElseThrow(() -> new NotFoundException("order", number));
        return ResponseEntity.ok().eTag(ETags.of(order.version())).body(OrderResponse.of(order, orders, actor));
    }

    /** A page of orders and the cursor for the next one. */
    record OrderList(List<OrderSummary> items, String next) {
        static OrderList of(OrderPage page) {
            return new OrderList(page.items(), page.next());
        }
    }

    @GetMapping
    @Operation(
            summary = "List orders",
            description = "Filters combine; pass 'next' of one page as 'after' for the next.")
    OrderList list(
            Actor actor,
            @RequestParam(required = false) @Parameter(description = "Number, customer, e-mail or phone") String q,
            @RequestParam(required = false) Set<LifecycleStatus> lifecycle,
            @RequestParam(required = false) Set<PaymentStatus> payment,
            @RequestParam(required = false) Set<FulfilmentStatus> fulfilment,
            @RequestParam(required = false) Set<String> channel,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long customer,
            @RequestParam(defaultValue = "false") @Parameter(description = "Only orders whose payment is overdue")
                    boolean overdue,
            @RequestParam(defaultValue = "PLACED") OrderSort sort,
            @RequestParam(defaultValue = "true") boolean descending,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") int limit) {
        OrderFilter filter = new OrderFilter(q, lifecycle, payment, fulfilment, channel, from, to, customer);
        if (overdue) {
            filter = filter.overdueOn(orders.today());
        }
        return OrderList.of(orders.list(actor, filter, sort, descending, after, limit));
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Replace a draft's or new order's content",
            description = "Send If-Match with the ETag you read; 412 when someone changed the order meanwhile.")
    ResponseEntity<?> edit(
            Actor actor,
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody OrderRequest request) {
        return answer(orders.edit(actor, id, ETags.parseIfMatch(ifMatch), request.toInput()), actor);
    }

    private ResponseEntity<?> answer(ActionOutcome outcome, Actor actor) {
        if (outcome.isPendingApproval()) {
            return pending(outcome.approval(), outcome.order());
        }
        Order order = outcome.order();
        return ResponseEntity.ok().eTag(ETags.of(order.version())).body(OrderResponse.of(order, orders, actor));
    }

    /** Why an action is taken; required to put an order on hold. */
    record ActionRequest(String reason) {}

    @PostMapping("/{id}/{action:submit|approve|hold|release|cancel|complete}")
    @Operation(
            summary = "Move the order along its lifecycle",
            description = "submit, approve, hold (reason required), release, cancel (void), complete. "
                    + "409 names the reason when the rules refuse.")
    ResponseEntity<?> act(
            Actor actor,
            @PathVariable long id,
            @PathVariable String action,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) ActionRequest request) {
        OrderAction verb = OrderAction.fromKey(action).orElseThrow();
        return answer(
                orders.act(actor, id, ETags.parseIfMatch(ifMatch), verb, request == null ? null : request.reason()),
                actor);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a draft", description = "Only drafts can be deleted; others are cancelled instead.")
    ResponseEntity<?> delete(
            Actor actor,
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ActionOutcome outcome = orders.act(actor, id, ETags.parseIfMatch(ifMatch), OrderAction.DELETE, null);
        return outcome.isPendingApproval()
                ? pending(outcome.approval(), outcome.order())
                : ResponseEntity.noContent().build();
    }

    record NoteRequest(NoteKind kind, String body) {}

    @PostMapping("/{id}/notes")
    @Operation(summary = "Leave a note", description = "kind: INTERNAL, FINANCE or SHIPPING")
    ResponseEntity<OrderNote> addNote(Actor actor, @PathVariable long id, @RequestBody NoteRequest request) {
        OrderNote note = orders.addNote(actor, id, request.kind(), request.body());
        return ResponseEntity.created(URI.create("/api/orders/" + id + "/notes"))
                .body(note);
    }

    @GetMapping("/{id}/notes")
    @Operation(summary = "The order's notes, newest first")
    List<OrderNote> notes(Actor actor, @PathVariable long id) {
        return orders.notes(actor, id);
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "The order's history, newest first", description = "Who, when, what, before and after, why.")
    List<TimelineEntry> timeline(Actor actor, @PathVariable long id) {
        return orders.timeline(actor, id);
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
            throw dev.kontor.shared.InvalidInputException.of("lineId", "validation.required");
        }
        Order order = orders.exchange(
                actor, id, ETags.parseIfMatch(ifMatch), request.lineId(), request.sku(), request.reason());
        return ResponseEntity.ok().eTag(ETags.of(order.version())).body(OrderResponse.of(order, orders, actor));
    }

    /** lineId: that line's unit price; none: the order's discount. */
    record PriceRequest(Long lineId, Long amount, String reason) {}

    @PostMapping("/{id}/price")
    @Operation(
            summary = "Change a line's unit price or the order's discount",
            description = "With a reason, before "
                    + "anything shipped; beyond the discount limit only a supervisor may; a total below the money kept is "
                    + "refused (refund first). Send If-Match.")
    ResponseEntity<OrderResponse> price(
            Actor actor,
            @PathVariable long id,
            @RequestBody PriceRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Order order = orders.changePrice(
                actor, id, ETags.parseIfMatch(ifMatch), request.lineId(), request.amount(), request.reason());
        return ResponseEntity.ok().eTag(ETags.of(order.version())).body(OrderResponse.of(order, orders, actor));
    }

    record GiftRequest(String sku, String name, Integer quantity, Long price, String reason) {}

    @PostMapping("/{id}/gifts")
    @Operation(summary = "Add a free gift line", description = "A gift has no price: a price is refused (422).")
    ResponseEntity<OrderResponse> gift(
            Actor actor,
            @PathVariable long id,
            @RequestBody GiftRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Order order = orders.addGift(
                actor,
                id,
                ETags.parseIfMatch(ifMatch),
                request.sku(),
                request.name(),
                request.quantity(),
                request.price(),
                request.reason());
        return ResponseEntity.ok().eTag(ETags.of(order.version())).body(OrderResponse.of(order, orders, actor));
    }

    record RebateRequest(Long amount, String reason) {}

    @PostMapping("/{id}/rebates")
    @Operation(
            summary = "Give a rebate off the order",
            description = "Minor units, with a reason; beyond the discount " + "limit only a supervisor may.")
    ResponseEntity<OrderResponse> rebate(
            Actor actor,
            @PathVariable long id,
            @RequestBody RebateRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Order order = orders.rebate(actor, id, ETags.parseIfMatch(ifMatch), request.amount(), request.reason());
        return ResponseEntity.ok().eTag(ETags.of(order.version())).body(OrderResponse.of(order, orders, actor));
    }

    record ReshipRequest(List<Long> lineIds, String reason) {}

    @PostMapping("/{id}/reship")
    @Operation(
            summary = "Re-ship (a lost parcel)",
            description = "A new order RE<number> for the chosen lines (all "
                    + "when none are named), at no charge, approved and paid. Refused for a void order.")
    ResponseEntity<OrderResponse> reship(Actor actor, @PathVariable long id, @RequestBody ReshipRequest request) {
        Order order = orders.reship(actor, id, request.lineIds(), request.reason());
        return ResponseEntity.created(URI.create("/api/orders/" + order.id()))
                .eTag(ETags.of(order.version()))
                .body(OrderResponse.of(order, orders, actor));
    }

    /** lineIds: whole lines; quantities: line id → units to move (part of a line: "split quantity"). */
    record SplitRequest(List<Long> lineIds, Map<Long, Integer> quantities, String reason) {}

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
        Map<Long, Integer> chosen = new java.util.LinkedHashMap<>();
        if (request.lineIds() != null) {
            request.lineIds().forEach(line -> chosen.put(line, null));
        }
        if (request.quantities() != null) {
            chosen.putAll(request.quantities());
        }
        Order child = orders.split(actor, id, ETags.parseIfMatch(ifMatch), chosen, request.reason());
        return ResponseEntity.created(URI.create("/api/orders/" + child.id()))
                .eTag(ETags.of(child.version()))
                .body(OrderResponse.of(child, orders, actor));
    }

    record TagsRequest(java.util.Set<String> add, java.util.Set<String> remove) {}

    @PostMapping("/{id}/tags")
    @Operation(summary = "Add and remove tags", description = "In any state but deleted, shipped or not.")
    ResponseEntity<OrderResponse> tags(
            Actor actor,
            @PathVariable long id,
            @RequestBody TagsRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Order order = orders.retag(actor, id, ETags.parseIfMatch(ifMatch), request.add(), request.remove());
        return ResponseEntity.ok().eTag(ETags.of(order.version())).body(OrderResponse.of(order, orders, actor));
    }

    record AssignRequest(Long responsibleId) {}

    @PostMapping("/{id}/responsible")
    @Operation(summary = "Say who is responsible", description = "responsibleId null: nobody. Any state but deleted.")
    ResponseEntity<OrderResponse> assign(
            Actor actor,
            @PathVariable long id,
            @RequestBody AssignRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Order order = orders.assign(actor, id, ETags.parseIfMatch(ifMatch), request.responsibleId());
        return ResponseEntity.ok().eTag(ETags.of(order.version())).body(OrderResponse.of(order, orders, actor));
    }

    @GetMapping("/{id}/lineage")
    @Operation(summary = "The order it was made from, and the orders made from it")
    List<Orders.Related> lineage(Actor actor, @PathVariable long id) {
        return orders.lineage(actor, id);
    }
}
