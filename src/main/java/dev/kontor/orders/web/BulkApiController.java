package dev.kontor.orders.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.orders.BulkAction;
import dev.kontor.orders.BulkItemStatus;
import dev.kontor.orders.BulkJob;
import dev.kontor.orders.BulkJobs;
import dev.kontor.orders.OrderExport;
import dev.kontor.orders.Orders;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.web.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Bulk jobs and the CSV export over HTTP. */
@RestController
@Tag(name = "Bulk actions", description = "Approve, hold, release, tag, untag or assign many orders in the background.")
class BulkApiController {

    private final BulkJobs jobs;
    private final OrderExport export;
    private final Orders orders;

    BulkApiController(BulkJobs jobs, OrderExport export, Orders orders) {
        this.jobs = jobs;
        this.export = export;
        this.orders = orders;
    }

    /**
     * @param action     approve, hold, release, tag, untag or assign
     * @param orderIds   the chosen orders; or
     * @param query      an order list's query string ({@code lifecycle=NEW&channel=EBAY}): every order it shows
     */
    record BulkRequest(
            String action, List<Long> orderIds, String query, String reason, String tag, Long responsibleId) {}

    record BulkJobResponse(
            long id,
            String action,
            String argument,
            String requestedBy,
            int total,
            long processed,
            boolean finished,
            int percent,
            Map<BulkItemStatus, Long> counts) {
        static BulkJobResponse of(BulkJob job) {
            return new BulkJobResponse(
                    job.id(),
                    job.action().key(),
                    job.argument(),
                    job.requestedByName(),
                    job.total(),
                    job.processed(),
                    job.finished(),
                    job.percent(),
                    job.counts());
        }
    }

    @PostMapping("/api/orders/bulk")
    @Operation(
            summary = "Start a bulk job",
            description = "Either orderIds or query (an order list's query string). "
                    + "hold needs a reason, tag/untag a tag, assign a responsibleId (none: nobody). Answers 202 with the job; "
                    + "each order is then acted on with its own rules and permissions, and has its own result. "
                    + "Send an Idempotency-Key header to retry safely.")
    ResponseEntity<BulkJobResponse> start(Actor actor, @RequestBody BulkRequest request) {
        BulkAction action = BulkActions.parse(request.action());
        String argument = switch (action) {
            case HOLD -> request.reason();
            case TAG, UNTAG -> request.tag();
            case ASSIGN ->
                request.responsibleId() == null ? null : request.responsibleId().toString();
            default -> null;
        };
        if (request.query() != null && request.orderIds() != null) {
            throw InvalidInputException.of("query", "validation.bulk.ids-or-query");
        }
        BulkJob job = request.query() != null
                ? jobs.startForFilter(actor, action, argument, ListQuery.parse(request.query(), orders.today()))
                : jobs.start(actor, action, argument, request.orderIds());
        return ResponseEntity.accepted()
                .location(URI.create("/api/bulk-jobs/" + job.id()))
                .body(BulkJobResponse.of(job));
    }

    @GetMapping("/api/bulk-jobs/{id}")
    @Operation(summary = "A bulk job's progress")
    BulkJobResponse job(Actor actor, @PathVariable long id) {
        return BulkJobResponse.of(jobs.get(actor, id));
    }

    @GetMapping("/api/bulk-jobs/{id}/items")
    @Operation(
            summary = "Each order's result",
            description = "Ordered by position; page with after=<last position>. "
                    + "problems=true: only refused, failed and those waiting for approval.")
    List<BulkJob.Item> items(
            Actor actor,
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean problems,
            @RequestParam(defaultValue = "0") int after,
            @RequestParam(defaultValue = "200") int limit) {
        return jobs.items(actor, id, problems, after, limit);
    }

    @GetMapping(value = "/api/orders/export", produces = "text/csv")
    @Operation(
            summary = "The order list as CSV",
            description = "Takes the list's filters (q, lifecycle, payment, "
                    + "fulfilment, channel, from, to, customer, overdue, flagged); newest first.")
    void export(Actor actor, HttpServletRequest request, HttpServletResponse response) throws IOException {
        var filter = ListQuery.parse(request.getQueryString(), orders.today());
        export.matching(actor, filter, Downloads.csv(response, "orders.csv"));
    }
}
