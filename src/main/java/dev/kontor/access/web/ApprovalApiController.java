package dev.kontor.access.web;

import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.access.ApprovalRequest;
import dev.kontor.access.ApprovalStatus;
import dev.kontor.access.Approvals;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
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

    ApprovalApiController(Approvals approvals, Permissions permissions) {
        this.approvals = approvals;
        this.permissions = permissions;
    }

    @GetMapping
    @Operation(summary = "Approval requests", description = "Supervisors see all; others see their own.")
    List<ApprovalRequest> list(Actor actor, @RequestParam(required = false) ApprovalStatus status) {
        boolean decider = permissions
                .check(actor, Permission.APPROVAL_DECIDE, Situation.NONE)
                .isAllowed();
        return approvals.find(actor, status, !decider);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One approval request")
    ApprovalRequest get(Actor actor, @PathVariable long id) {
        ApprovalRequest request = approvals.get(id);
        boolean decider = permissions
                .check(actor, Permission.APPROVAL_DECIDE, Situation.NONE)
                .isAllowed();
        if (!decider && (actor.userId() == null || !actor.userId().equals(request.requestedById()))) {
            throw new dev.kontor.shared.NotFoundException("approval", id);
        }
        return request;
    }

    record Decision(String comment) {}

    @PostMapping("/{id}/approve")
    @Operation(
            summary = "Approve and carry out",
            description =
                    "409 when already decided or your own request; 409 with the reason when the action is no longer possible.")
    ApprovalRequest approve(Actor actor, @PathVariable long id, @RequestBody(required = false) Decision decision) {
        return approvals.approve(actor, id, decision == null ? null : decision.comment());
    }

    @PostMapping("/{id}/decline")
    @Operation(summary = "Decline")
    ApprovalRequest decline(Actor actor, @PathVariable long id, @RequestBody(required = false) Decision decision) {
        return approvals.decline(actor, id, decision == null ? null : decision.comment());
    }
}
