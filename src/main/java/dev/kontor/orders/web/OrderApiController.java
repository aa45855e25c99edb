package dev.kontor.orders.web;

import java.net.URI;
import java.util.List;
import java.util.Set;

import dev.kontor.access.Actor;
import dev.kontor.access.ApprovalRequest;
import dev.kontor.orders.ActionOutcome;
import dev.kontor.orders.GroupCommit;
import dev.kontor.orders.NoteKind;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderEditing;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.OrderNote;
import dev.kontor.orders.OrderNotes;
import dev.kontor.orders.OrderOrganising;
import dev.kontor.orders.Orders;
import dev.kontor.orders.PlacedOrder;
import dev.kontor.orders.RelatedOrder;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.web.ETags;
import dev.kontor.timeline.TimelineEntry;
import dev.kontor.web.PendingApproval;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orders over HTTP: create, read, edit, move along the lifecycle, notes, tags and who is responsible, timeline and
 * lineage. Lists and bulk jobs are the workbench's, after-sales verbs the aftersales module's.
 */
@RestController
@RequestMapping("/api/orders")
@Tag(name = "Orders", description = "Orders and their lifecycle. Amounts are integers in the currency's minor unit.")
class OrderApiController {

    private final Orders orders;
    private final OrderIntake intake;
    private static final String APPROVE = "approve";

    private final GroupCommit grouped;
    private final OrderEditing editing;
    private final OrderLifecycle lifecycle;
    private final OrderNotes notes;
    private final OrderOrganising organising;

    OrderApiController(
            Orders orders,
            OrderIntake intake,
            GroupCommit grouped,
            OrderEditing editing,
            OrderLifecycle lifecycle,
            OrderNotes notes,
            OrderOrganising organising) {
        this.orders = orders;
        this.intake = intake;
        this.grouped = grouped;
        this.editing = editing;
        this.lifecycle = lifecycle;
        this.notes = notes;
        this.organising = organising;
    }

    /** A whole order as a shop sends one: a new customer, a shipping address, two lines, paid by PayPal. */
    static final String CREATE_EXAMPLE = """
            {
              "channel": "WEBSHOP",
              "externalId": "1042",
              "customer": {"kind": "PERSON", "name": "Jana Schmidt", "email": "jana@example.de", "country": "DE"},
              "shippingAddress": {"name": "Jana Schmidt", "street": "Hauptstraße 12", "postalCode": "50667",
                                  "city": "Köln", "country": "DE"},
              "currency": "EUR",
              "lines": [
                {"sku": "SHIRT-BLUE-M", "name": "Shirt, blue, M", "unitPrice": 2990, "quantity": 2},
                {"sku": "CAP-RED", "name": "Cap, red", "unitPrice": 1500, "quantity": 1}
              ],
              "shipping": 490,
              "paymentMethod": "PAYPAL"
            }""";

    @PostMapping
    @Operation(
            summary = "Create an order",
            description = "Creates an order awaiting review (or a draft with \"draft\": true). With ?approve=true it "
                    + "is placed approved, its stock committed, in the same request, when you may simply approve it; an "
                    + "order a guard, a blacklist mark, your discount limit or short stock holds back is created awaiting review "
                    + "all the same (its lifecycle says which). Send an Idempotency-Key header to retry safely. The "
                    + "same channel and externalId twice returns the first order (200), as it is.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            examples = @ExampleObject(name = "shop order", value = CREATE_EXAMPLE))))
    @ApiResponse(
            responseCode = "201",
            description = "Created; Location: the order",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    @ApiResponse(
            responseCode = "200",
            description = "The same channel and externalId again: the first order",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    @ApiResponse(
            responseCode = "202",
            description = "Waits for a supervisor: Location is the approval request",
            content = @Content(schema = @Schema(implementation = PendingApproval.class)))
    ResponseEntity<?> create(
            Actor actor,
            @RequestBody OrderRequest request,
            @Parameter(description = "Approve as placed (not with a draft): a shop's paid order in one request")
                    @RequestParam(name = APPROVE, required = false)
                    Boolean approve) {
        boolean draft = Boolean.TRUE.equals(request.draft());
        if (draft && Boolean.TRUE.equals(approve)) {
            throw InvalidInputException.of(APPROVE, "validation.approve.draft");
        }
        PlacedOrder placed = draft
                ? intake.place(actor, request.toInput(true), true)
                : Boolean.TRUE.equals(approve)
                        ? grouped.placeApproved(actor, request.toInput(true))
                        : grouped.place(actor, request.toInput(true));
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
        return PendingApproval.answer(approval.id(), approval.action(), approval.why(), order.id(), order.number());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get an order", description = "The ETag header carries the version for If-Match.")
    ResponseEntity<OrderResponse> get(Actor actor, @PathVariable long id) {
        Order order = orders.view(actor, id);
        return ResponseEntity.ok().eTag(ETags.of(order.version())).body(OrderResponse.of(order, orders, actor));
    }

    @GetMapping("/by-number/{number}")
    @Operation(summary = "Find an order by its number", description = "The ETag header carries the version.")
    ResponseEntity<OrderResponse> byNumber(Actor actor, @PathVariable String number) {
        Order order = orders.byNumber(actor, number).orElseThrow(() -> new NotFoundException("order", number));
        return ResponseEntity.ok().eTag(ETags.of(order.version())).body(OrderResponse.of(order, orders, actor));
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Replace a draft's or new order's content",
            description = "Send If-Match with the ETag you read; 412 when someone changed the order meanwhile.")
    @OrderOrWaiting
    ResponseEntity<?> edit(
            Actor actor,
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody OrderRequest request) {
        return answer(editing.edit(actor, id, ETags.parseIfMatch(ifMatch), request.toInput(false)), actor);
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
    @OrderOrWaiting
    ResponseEntity<?> act(
            Actor actor,
            @PathVariable long id,
            @Parameter(
                            description = "The lifecycle action",
                            schema =
                                    @Schema(
                                            type = "string",
                                            allowableValues = {
                                                "submit",
                                                "approve",
                                                "hold",
                                                "release",
                                                "cancel",
                                                "complete"
                                            }))
                    @PathVariable
                    String action,
            @Parameter(description = "The ETag of the order as you read it; 412 when it changed meanwhile")
                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch,
            @RequestBody(required = false) ActionRequest request) {
        OrderAction verb = OrderAction.fromKey(action).orElseThrow();
        String reason = request == null ? null : request.reason();
        Integer version = ETags.parseIfMatch(ifMatch);
        return answer(
                verb == OrderAction.APPROVE && reason == null
                        ? grouped.approve(actor, id, version)
                        : lifecycle.act(actor, id, version, verb, reason),
                actor);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a draft", description = "Only drafts can be deleted; others are cancelled instead.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(
            responseCode = "202",
            description = "Waits for a supervisor: Location is the approval request",
            content = @Content(schema = @Schema(implementation = PendingApproval.class)))
    ResponseEntity<?> delete(
            Actor actor,
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ActionOutcome outcome = lifecycle.act(actor, id, ETags.parseIfMatch(ifMatch), OrderAction.DELETE, null);
        return outcome.isPendingApproval()
                ? pending(outcome.approval(), outcome.order())
                : ResponseEntity.noContent().build();
    }

    record NoteRequest(NoteKind kind, String body) {}

    @ResponseStatus(HttpStatus.CREATED) // documents the status; the ResponseEntity sets it
    @PostMapping("/{id}/notes")
    @Operation(summary = "Leave a note", description = "kind: INTERNAL, FINANCE or SHIPPING")
    ResponseEntity<OrderNote> addNote(Actor actor, @PathVariable long id, @RequestBody NoteRequest request) {
        OrderNote note = notes.add(actor, id, request.kind(), request.body());
        return ResponseEntity.created(URI.create("/api/orders/" + id + "/notes"))
                .body(note);
    }

    @GetMapping("/{id}/notes")
    @Operation(
            summary = "The order's notes, newest first",
            description = "Internal, finance, shipping, buyer and marketplace notes, each with its author and time.")
    List<OrderNote> notes(Actor actor, @PathVariable long id) {
        return notes.of(actor, id);
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "The order's history, newest first", description = "Who, when, what, before and after, why.")
    List<TimelineEntry> timeline(Actor actor, @PathVariable long id) {
        return orders.timeline(actor, id);
    }

    record TagsRequest(Set<String> add, Set<String> remove) {}

    @PostMapping("/{id}/tags")
    @Operation(summary = "Add and remove tags", description = "In any state but deleted, shipped or not.")
    ResponseEntity<OrderResponse> tags(
            Actor actor,
            @PathVariable long id,
            @RequestBody TagsRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Order order = organising.retag(actor, id, ETags.parseIfMatch(ifMatch), request.add(), request.remove());
        return ResponseEntity.ok().eTag(ETags.of(order.version())).body(OrderResponse.of(order, orders, actor));
    }

    record AssignRequest(Long responsibleId) {}

    @PostMapping("/{id}/receive")
    @Operation(
            summary = "Mark an order received (the order desk)",
            description = "From then on a salesperson voids it only with a supervisor's approval. Send If-Match with "
                    + "the ETag you read; 412 when someone changed the order meanwhile, 409 when it was received "
                    + "already or is not under way.")
    ResponseEntity<OrderResponse> receive(
            Actor actor,
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Order order = organising.receive(actor, id, ETags.parseIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(order.version())).body(OrderResponse.of(order, orders, actor));
    }

    @PostMapping("/{id}/responsible")
    @Operation(summary = "Say who is responsible", description = "responsibleId null: nobody. Any state but deleted.")
    ResponseEntity<OrderResponse> assign(
            Actor actor,
            @PathVariable long id,
            @RequestBody AssignRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Order order = organising.assign(actor, id, ETags.parseIfMatch(ifMatch), request.responsibleId());
        return ResponseEntity.ok().eTag(ETags.of(order.version())).body(OrderResponse.of(order, orders, actor));
    }

    @GetMapping("/{id}/lineage")
    @Operation(
            summary = "The order it was made from, and the orders made from it",
            description =
                    "Splits and re-shipments: the original order and every order split off or re-sent from it, each with its number and state.")
    List<RelatedOrder> lineage(Actor actor, @PathVariable long id) {
        return orders.lineage(actor, id);
    }
}
