package dev.kontor.bulk.web;

import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.bulk.BulkItemStatus;
import dev.kontor.bulk.BulkJobResponse;
import dev.kontor.bulk.BulkJobs;
import dev.kontor.web.Messages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A bulk job's progress and results over HTTP; results in the caller's language (Accept-Language). */
@RestController
@Tag(name = "Bulk actions", description = "Approve, hold, release, tag, untag or assign many orders in the background.")
class BulkJobApiController {

    private final BulkJobs jobs;
    private final Messages messages;

    BulkJobApiController(BulkJobs jobs, Messages messages) {
        this.jobs = jobs;
        this.messages = messages;
    }

    /**
     * One subject's result.
     *
     * @param orderId the order's id, for jobs over orders (the same as {@code subjectId})
     * @param number the order's number, for jobs over orders (the same as {@code label})
     * @param message why it was refused, failed or waits for approval, in the caller's language
     */
    record ItemResponse(
            int position,
            long subjectId,
            String label,
            Long orderId,
            String number,
            BulkItemStatus status,
            String message) {}

    @GetMapping("/api/bulk-jobs/{id}")
    @Operation(
            summary = "A bulk job's progress",
            description =
                    "How many of its orders are done, failed, refused or wait for approval, and whether it is finished.")
    BulkJobResponse job(Actor actor, @PathVariable long id) {
        return BulkJobResponse.of(jobs.get(actor, id));
    }

    @GetMapping("/api/bulk-jobs/{id}/items")
    @Operation(
            summary = "Each subject's result",
            description = "Ordered by position; page with after=<last position>. "
                    + "problems=true: only refused, failed and those waiting for approval.")
    List<ItemResponse> items(
            Actor actor,
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean problems,
            @RequestParam(defaultValue = "0") int after,
            @RequestParam(defaultValue = "200") int limit) {
        boolean orders = "order".equals(jobs.get(actor, id).subject());
        return jobs.items(actor, id, problems, after, limit).stream()
                .map(i -> new ItemResponse(
                        i.position(),
                        i.subjectId(),
                        i.label(),
                        orders ? i.subjectId() : null,
                        orders ? i.label() : null,
                        i.status(),
                        messages.of(i.result())))
                .toList();
    }
}
