package dev.kontor.access.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.ApprovalRequest;
import dev.kontor.access.ApprovalStatus;
import dev.kontor.access.Approvals;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.shared.NotFoundException;
import dev.kontor.web.Messages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Approval requests over HTTP: a 202 from an order action points here. */
@RestController
@RequestMapping("/api/approvals")
@Tag(
        name = "Approvals",
        description =
                "Actions waiting for a supervisor. Deciders need the supervisor role; nobody decides their own request.")
class ApprovalApiController {

    private final Approvals approvals;
    private final Permissions permissions;
    private final Messages messages;

    ApprovalApiController(Approvals approvals, Permissions permissions, Messages messages) {
        this.approvals = approvals;
        this.permissions = permissions;
        this.messages = messages;
    }

    /**
     * An approval request as the API shows it.
     *
     * @param why why approval is needed, a message key (e.g. {@code approval.why.money-received})
     * @param outcome why the action failed when it was approved, in the caller's language (Accept-Language)
     */
    record ApprovalResponse(
            long id,
            String subjectType,
            long subjectId,
            String subjectLabel,
            String action,
            Map<String, String> payload,
            Integer subjectVersion,
            String reason,
            String why,
            ApprovalStatus status,
            Long requestedById,
            String requestedByName,
            Instant requestedAt,
            Long decidedById,
            String decidedByName,
            Instant decidedAt,
            String comment,
            String outcome) {}

    private ApprovalResponse response(ApprovalRequest r) {
        return new ApprovalResponse(
                r.id(),
                r.subjectType(),
                r.subjectId(),
                r.subjectLabel(),
                r.action(),
                r.payload(),
                r.subjectVersion(),
                r.reason(),
                r.why(),
                r.status(),
                r.requestedById(),
                r.requestedByName(),
                r.requestedAt(),
                r.decidedById(),
                r.decidedByName(),
                r.decidedAt(),
                r.comment(),
                messages.of(r.outcome()));
    }

    @GetMapping
    @Operation(summary = "Approval requests", description = "Supervisors see all; others see their own.")
    List<ApprovalResponse> list(Actor actor, @RequestParam(required = false) ApprovalStatus status) {
        boolean decider = permissions
                .check(actor, Permission.APPROVAL_DECIDE, Situation.NONE)
                .isAllowed();
        return approvals.find(actor, status, !decider).stream()
                .map(this::response)
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "One approval request",
            description =
                    "What waits (action, order, payload), who asked and why, and, once decided, by whom, when and with what outcome.")
    ApprovalResponse get(Actor actor, @PathVariable long id) {
        ApprovalRequest request = approvals.get(id);
        boolean decider = permissions
                .check(actor, Permission.APPROVAL_DECIDE, Situation.NONE)
                .isAllowed();
        if (!decider && (actor.userId() == null || !actor.userId().equals(request.requestedById()))) {
            throw new NotFoundException("approval", id);
        }
        return response(request);
    }

    record Decision(String comment) {}

    @PostMapping("/{id}/approve")
    @Operation(
            summary = "Approve and carry out",
            description =
                    "409 when already decided or your own request; 409 with the reason when the action is no longer possible.")
    ApprovalResponse approve(Actor actor, @PathVariable long id, @RequestBody(required = false) Decision decision) {
        return response(approvals.approve(actor, id, decision == null ? null : decision.comment()));
    }

    @PostMapping("/{id}/decline")
    @Operation(
            summary = "Decline",
            description =
                    "A supervisor declines the request with a comment; the action it waited for is not taken and the requester sees why.")
    ApprovalResponse decline(Actor actor, @PathVariable long id, @RequestBody(required = false) Decision decision) {
        return response(approvals.decline(actor, id, decision == null ? null : decision.comment()));
    }
}
