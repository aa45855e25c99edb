package dev.kontor.orders.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import dev.kontor.access.Actor;
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
    @Operation(summary = "Create an order",
            description = "Creates an order awaiting review (or a draft with \"draft\": true). Send an Idempotency-Key "
                    + "header to retry safely. The same channel and externalId twice returns the first order (200).")
    ResponseEntity<OrderResponse> create(Actor actor, @RequestBody OrderRequest request) {
        Orders.Placed placed = orders.place(actor, request.toInput(), Boolean.TRUE.equals(request.draft()));
        Order order = placed.order();
        var response = placed.created()
                ? ResponseEntity.created(URI.create("/api/orders/" + order.id()))
                : ResponseEntity.ok();
        return response.eTag(ETags.of(order.version())).body(OrderResponse.of(order));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get an order", description = "The ETag header carries the version for If-Match.")
    ResponseEntity<OrderResponse> get(@PathVariable long id) {
        Order order = orders.get(id);
        return ResponseEntity.ok().eTag(ETags.of(order.version())).body(OrderResponse.of(order));
    }

    @GetMapping(params = "number")
    @Operation(summary = "Find an order by its number")
    ResponseEntity<OrderResponse> byNumber(@RequestParam String number) {
        Order order = orders.byNumber(number).orElseThrow(() -> new NotFoundException("order", number));
        return ResponseEntity.ok().eTag(ETags.of(order.version())).body(OrderResponse.of(order));
    }

    /** A page of orders and the cursor for the next one. */
    record OrderList(List<OrderSummary> items, String next) {
        static OrderList of(OrderPage page) {
            return new OrderList(page.items(), page.next());
        }
    }

    @GetMapping
    @Operation(summary = "List orders", description = "Filters combine; pass 'next' of one page as 'after' for the next.")
    OrderList list(@RequestParam(required = false) @Parameter(description = "Number, customer, e-mail or phone") String q,
                   @RequestParam(required = false) Set<LifecycleStatus> lifecycle,
                   @RequestParam(required = false) Set<PaymentStatus> payment,
                   @RequestParam(required = false) Set<FulfilmentStatus> fulfilment,
                   @RequestParam(required = false) Set<String> channel,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   @RequestParam(required = false) Long customer,
                   @RequestParam(defaultValue = "PLACED") OrderSort sort,
                   @RequestParam(defaultValue = "true") boolean descending,
                   @RequestParam(required = false) String after,
                   @RequestParam(defaultValue = "50") int limit) {
        OrderFilter filter = new OrderFilter(q, lifecycle, payment, fulfilment, channel, from, to, customer);
        return OrderList.of(orders.list(filter, sort, descending, after, limit));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a draft's or new order's content",
            description = "Send If-Match with the ETag you read; 412 when someone changed the order meanwhile.")
    ResponseEntity<OrderResponse> edit(Actor actor, @PathVariable long id,
                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                       @RequestBody OrderRequest request) {
        Order order = orders.edit(actor, id, ETags.parseIfMatch(ifMatch), request.toInput());
        return ResponseEntity.ok().eTag(ETags.of(order.version())).body(OrderResponse.of(order));
    }

    /** Why an action is taken; required to put an order on hold. */
    record ActionRequest(String reason) {
    }

    @PostMapping("/{id}/{action:submit|approve|hold|release|cancel|complete}")
    @Operation(summary = "Move the order along its lifecycle",
            description = "submit, approve, hold (reason required), release, cancel (void), complete. "
                    + "409 names the reason when the rules refuse.")
    ResponseEntity<OrderResponse> act(Actor actor, @PathVariable long id, @PathVariable String action,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      @RequestBody(required = false) ActionRequest request) {
        OrderAction verb = OrderAction.fromKey(action).orElseThrow();
        Order order = orders.act(actor, id, ETags.parseIfMatch(ifMatch), verb, request == null ? null : request.reason());
        return ResponseEntity.ok().eTag(ETags.of(order.version())).body(OrderResponse.of(order));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a draft", description = "Only drafts can be deleted; others are cancelled instead.")
    ResponseEntity<Void> delete(Actor actor, @PathVariable long id,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        orders.act(actor, id, ETags.parseIfMatch(ifMatch), OrderAction.DELETE, null);
        return ResponseEntity.noContent().build();
    }

    record NoteRequest(NoteKind kind, String body) {
    }

    @PostMapping("/{id}/notes")
    @Operation(summary = "Leave a note", description = "kind: INTERNAL, FINANCE or SHIPPING")
    ResponseEntity<OrderNote> addNote(Actor actor, @PathVariable long id, @RequestBody NoteRequest request) {
        OrderNote note = orders.addNote(actor, id, request.kind(), request.body());
        return ResponseEntity.created(URI.create("/api/orders/" + id + "/notes")).body(note);
    }

    @GetMapping("/{id}/notes")
    @Operation(summary = "The order's notes, newest first")
    List<OrderNote> notes(@PathVariable long id) {
        orders.get(id);
        return orders.notes(id);
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "The order's history, newest first", description = "Who, when, what, before and after, why.")
    List<TimelineEntry> timeline(@PathVariable long id) {
        orders.get(id);
        return orders.timeline(id);
    }
}
