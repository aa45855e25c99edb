package dev.kontor.workbench.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kontor.access.Actor;
import dev.kontor.bulk.BulkJob;
import dev.kontor.bulk.BulkJobResponse;
import dev.kontor.fields.FieldRules;
import dev.kontor.orders.FulfilmentStatus;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.Orders;
import dev.kontor.orders.PaymentStatus;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.web.CsvAnswer;
import dev.kontor.web.Downloads;
import dev.kontor.workbench.BulkAction;
import dev.kontor.workbench.OrderBulk;
import dev.kontor.workbench.OrderExport;
import dev.kontor.workbench.OrderFilter;
import dev.kontor.workbench.OrderLists;
import dev.kontor.workbench.OrderPage;
import dev.kontor.workbench.OrderQueryString;
import dev.kontor.workbench.OrderSort;
import dev.kontor.workbench.OrderSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The order lists over HTTP: a filtered page of orders, a bulk job over chosen orders or a list, the CSV export. */
@RestController
class OrderListApiController {

    private final OrderLists lists;
    private final OrderBulk bulk;
    private final OrderExport export;
    private final Orders orders;

    OrderListApiController(OrderLists lists, OrderBulk bulk, OrderExport export, Orders orders) {
        this.lists = lists;
        this.bulk = bulk;
        this.export = export;
        this.orders = orders;
    }

    /** A page of orders and the cursor for the next one. */
    record OrderList(List<OrderSummary> items, String next) {
        static OrderList of(OrderPage page) {
            return new OrderList(page.items(), page.next());
        }
    }

    @GetMapping("/api/orders")
    @Tag(name = "Orders")
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
            @RequestParam(required = false) @Parameter(description = "Payment methods, e.g. ALIPAY") Set<String> method,
            @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    @Parameter(description = "Approved at or after, the shop's local time: 2026-12-04T00:00")
                    LocalDateTime approvedFrom,
            @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    @Parameter(description = "Approved before, the shop's local time: 2026-12-04T13:00")
                    LocalDateTime approvedTo,
            @RequestParam(defaultValue = "false") @Parameter(description = "Only orders whose payment is overdue")
                    boolean overdue,
            @RequestParam(required = false)
                    @Parameter(description = "Other filters by key, e.g. unconfirmed: not yet confirmed to the channel")
                    Set<String> mark,
            @RequestParam(defaultValue = "PLACED") OrderSort sort,
            @RequestParam(defaultValue = "true") boolean descending,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") int limit,
            @Parameter(
                            required = false,
                            style = io.swagger.v3.oas.annotations.enums.ParameterStyle.FORM,
                            explode = io.swagger.v3.oas.annotations.enums.Explode.TRUE,
                            description = "Custom fields: cf.<key>=value, e.g. cf.hall=4B, cf.express=true (422 naming "
                                    + "customFields.<key> when the key or value is none of the shop's)")
                    @RequestParam(required = false)
                    Map<String, String> all) {
        Map<String, Object> custom = new java.util.LinkedHashMap<>(FieldRules.filters(all));
        OrderFilter filter = new OrderFilter(q, lifecycle, payment, fulfilment, channel, from, to, customer)
                .paidByAndApproved(method, approvedFrom, approvedTo)
                .withCustomFields(custom)
                .withMarks(mark == null ? Set.of() : mark);
        if (overdue) {
            filter = filter.overdueOn(orders.today());
        }
        return OrderList.of(lists.list(actor, filter, sort, descending, after, limit));
    }

    /**
     * @param action approve, hold, release, tag, untag or assign
     * @param orderIds the chosen orders; or
     * @param query an order list's query string ({@code lifecycle=NEW&channel=EBAY}): every order it shows
     */
    record BulkRequest(
            String action, List<Long> orderIds, String query, String reason, String tag, Long responsibleId) {}

    @ResponseStatus(HttpStatus.ACCEPTED) // documents the status; the ResponseEntity sets it
    @PostMapping("/api/orders/bulk")
    @Tag(name = "Bulk actions")
    @Operation(
            summary = "Start a bulk job",
            description = "Either orderIds or query (an order list's query string). "
                    + "hold needs a reason, tag/untag a tag, assign a responsibleId (none: nobody). Answers 202 with the job; "
                    + "each order is then acted on with its own rules and permissions, and has its own result. "
                    + "Send an Idempotency-Key header to retry safely.")
    ResponseEntity<BulkJobResponse> start(Actor actor, @RequestBody BulkRequest request) {
        BulkAction action = BulkAction.parse(request.action());
        String argument = OrderBulk.argument(
                action,
                request.reason(),
                request.tag(),
                request.responsibleId() == null ? null : request.responsibleId().toString());
        if (request.query() != null && request.orderIds() != null) {
            throw InvalidInputException.of("query", "validation.bulk.ids-or-query");
        }
        BulkJob job = request.query() != null
                ? bulk.startForList(actor, action, argument, OrderQueryString.parse(request.query(), orders.today()))
                : bulk.start(actor, action, argument, request.orderIds());
        return ResponseEntity.accepted()
                .location(URI.create("/api/bulk-jobs/" + job.id()))
                .body(BulkJobResponse.of(job));
    }

    @GetMapping(value = "/api/orders/export", produces = "text/csv")
    @Tag(name = "Bulk actions")
    @Operation(
            summary = "The order list as CSV",
            description = "Takes the list's filters (q, lifecycle, payment, "
                    + "fulfilment, channel, from, to, customer, overdue, flagged); newest first. One row per item, the "
                    + "order's columns repeated (layout: docs/formats/orders-csv.md); POST /api/imports reads it back.")
    @CsvAnswer
    void export(Actor actor, HttpServletRequest request, HttpServletResponse response) throws IOException {
        var filter = OrderQueryString.parse(request.getQueryString(), orders.today());
        export.matching(actor, filter, Downloads.csv(response, "orders.csv"));
    }
}
