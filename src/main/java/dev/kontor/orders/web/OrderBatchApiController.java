package dev.kontor.orders.web;

import java.util.ArrayList;
import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.OrderInput;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.PlacedOrder;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Many orders in one request, as a marketplace connector or a shop's middleware sends what came in since its last
 * run: placed together in a few statements for all of them (issue 20: the order path's cost is mostly per request
 * and per statement, not per order).
 */
@RestController
@RequestMapping("/api/orders/batch")
@Tag(name = "Orders")
class OrderBatchApiController {

    static final String FIELD = "orders";

    private final OrderIntake intake;
    private final int maxOrders;

    OrderBatchApiController(OrderIntake intake, @Value("${kontor.api.batch-max-orders:500}") int maxOrders) {
        this.intake = intake;
        this.maxOrders = maxOrders;
    }

    @Schema(name = "OrderBatch")
    record Batch(
            @Schema(description = "The orders, as POST /api/orders takes one (drafts not)")
            List<OrderRequest> orders,

            @Schema(
                    description = "Approve as placed what you may simply approve (its stock committed); an order a "
                            + "guard, a blacklist mark, your discount limit or short stock holds back stays NEW")
            Boolean approve) {}

    @Schema(name = "PlacedOrderSummary")
    record Placed(
            long id,
            String number,
            String channel,
            String externalId,

            @Schema(description = "false: the channel's order with this externalId was there already")
            boolean created,

            LifecycleStatus lifecycle,

            @Schema(description = "The approval request the order's submission waits for, if it does")
            Long waitingForApproval) {

        static Placed of(PlacedOrder placed) {
            return new Placed(
                    placed.order().id(),
                    placed.order().number(),
                    placed.order().channel(),
                    placed.order().externalId(),
                    placed.created(),
                    placed.order().lifecycle(),
                    placed.approval() == null ? null : placed.approval().id());
        }
    }

    @Schema(name = "OrderBatchResult")
    record Result(List<Placed> orders) {}

    @PostMapping
    @Operation(
            summary = "Create many orders at once",
            description = "Places up to kontor.api.batch-max-orders (default 500) orders for review in one "
                    + "transaction: all of them or none. Every order is checked first; a 422 names every problem of "
                    + "every order with its place in the request (orders[3].lines[0].sku). A channel's order whose "
                    + "externalId Kontor has already is answered as it is (created: false). Send an Idempotency-Key "
                    + "header to retry safely. With \"approve\": true, what you may simply approve is placed approved, "
                    + "its stock committed, as far as the stock goes (the rest awaits review). Answers in the request's order, one summary per order "
                    + "(GET /api/orders/{id} has the whole order).")
    @ApiResponse(responseCode = "200", description = "Placed (or found): one summary per order, in the request's order")
    Result create(Actor actor, @RequestBody Batch batch) {
        List<OrderRequest> orders = batch.orders() == null ? List.of() : batch.orders();
        if (orders.isEmpty()) {
            throw InvalidInputException.of(FIELD, "validation.required");
        }
        if (orders.size() > maxOrders) {
            throw InvalidInputException.of(FIELD, "validation.max", maxOrders);
        }
        Problems refused = new Problems(); // the request's own: said with every order's problems at once
        List<OrderInput> inputs = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            OrderRequest order = orders.get(i);
            if (order == null) {
                refused.add(FIELD + "[" + i + "]", "validation.required");
            } else if (Boolean.TRUE.equals(order.draft())) {
                refused.add(FIELD + "[" + i + "].draft", "validation.batch.draft");
            }
            inputs.add(order == null ? null : order.toInput(true));
        }
        List<PlacedOrder> placed =
                intake.placeBatch(actor, inputs, FIELD, Boolean.TRUE.equals(batch.approve()), refused);
        return new Result(placed.stream().map(Placed::of).toList());
    }
}
