package dev.kontor.access;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.access.internal.ApprovalRepository;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.KontorException;
import dev.kontor.shared.Message;
import dev.kontor.shared.MessageJson;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.PermissionDeniedException;
import dev.kontor.shared.Problems;
import dev.kontor.shared.Text;
import dev.kontor.timeline.Change;
import dev.kontor.timeline.Timeline;
import dev.kontor.timeline.TimelineEntry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Requests for actions that need a supervisor, and their decisions. A request names who asked, exactly
 * what, and why; a supervisor other than the requester approves (the action then runs as requested, or
 * fails if the subject changed so that it no longer may) or declines. Both show in the subject's timeline.
 */
@Service
public class Approvals {

    private final ApprovalRepository repository;
    private final ObjectProvider<ApprovalHandler> handlers;
    private final Permissions permissions;
    private final Timeline timeline;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Approvals(
            ApprovalRepository repository,
            ObjectProvider<ApprovalHandler> handlers,
            Permissions permissions,
            Timeline timeline,
            AuditLog audit,
            TransactionTemplate transaction,
            Clock clock) {
        this.repository = repository;
        this.handlers = handlers;
        this.permissions = permissions;
        this.timeline = timeline;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What a module hands over when an action needs approval. */
    public record Ask(
            String subjectType,
            long subjectId,
            String subjectLabel,
            String action,
            Map<String, String> payload,
            Integer subjectVersion,
            String reason,
            String why) {}

    /**
     * Files a request (or returns the one already pending for the same action on the same subject). Runs in
     * the caller's transaction, which must not roll back for it to count.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ApprovalRequest request(Actor requester, Ask ask) {
        if (ask.reason() != null && ask.reason().length() > 1000) {
            new Problems().add("reason", "validation.too-long", 1000).throwIfAny();
        }
        ApprovalRepository.Filed filed = repository.insertOrFindPending(
                ask.subjectType(),
                ask.subjectId(),
                ask.subjectLabel(),
                ask.action(),
                ask.payload(),
                ask.subjectVersion(),
                Text.clean(ask.reason()),
                ask.why(),
                requester,
                clock.instant());
        ApprovalRequest request = repository.findById(filed.id()).orElseThrow();
        if (filed.created()) {
            record(requester, request, "approval.requested", ask.reason(), Map.of());
        }
        return request;
    }

    /**
     * Approves and carries out the request. Refused when the approver is the requester (four eyes) or it was
     * decided already; when the action itself is refused now, the request is marked failed with the reason
     * and the refusal is thrown.
     */
    public ApprovalRequest approve(Actor approver, long id, String comment) {
        try {
            return transaction.execute(status -> {
                ApprovalRequest request = decidable(approver, id);
                handlerFor(request).carryOut(request, approver);
                repository.decide(id, ApprovalStatus.APPROVED, approver, Text.clean(comment), null, clock.instant());
                record(
                        approver,
                        request,
                        "approval.approved",
                        comment,
                        Map.of("requestedBy", request.requestedByName()));
                audit.record(
                        approver.username(), AuditEvent.APPROVAL_DECIDED, "approved #" + id + " " + request.action());
                return repository.findById(id).orElseThrow();
            });
        } catch (KontorException e) {
            if (isDecisionRefusal(e)) {
                throw e;
            }
            Message outcome = Message.of(e);
            transaction.executeWithoutResult(status -> {
                ApprovalRequest request = repository.lock(id).orElseThrow();
                if (repository.decide(
                        id, ApprovalStatus.FAILED, approver, Text.clean(comment), outcome, clock.instant())) {
                    record(
                            approver,
                            request,
                            "approval.failed",
                            null,
                            Map.of("requestedBy", request.requestedByName(), "outcome", MessageJson.write(outcome)));
                }
            });
            throw e;
        }
    }

    @Transactional
    public ApprovalRequest decline(Actor approver, long id, String comment) {
        ApprovalRequest request = decidable(approver, id);
        repository.decide(id, ApprovalStatus.DECLINED, approver, Text.clean(comment), null, clock.instant());
        record(approver, request, "approval.declined", comment, Map.of("requestedBy", request.requestedByName()));
        audit.record(approver.username(), AuditEvent.APPROVAL_DECIDED, "declined #" + id + " " + request.action());
        return repository.findById(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public ApprovalRequest get(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("approval", id));
    }

    /** Requests by status (all when null), newest first; or only the actor's own when {@code mine}. */
    @Transactional(readOnly = true)
    public List<ApprovalRequest> find(Actor actor, ApprovalStatus status, boolean mine) {
        return repository.find(status, mine ? actor.userId() : null, 200);
    }

    @Transactional(readOnly = true)
    public long pendingCount() {
        return repository.countPending();
    }

    private ApprovalRequest decidable(Actor approver, long id) {
        permissions.requireAllowed(approver, Permission.APPROVAL_DECIDE, Situation.NONE);
        ApprovalRequest request = repository.lock(id).orElseThrow(() -> new NotFoundException("approval", id));
        if (!request.isPending()) {
            throw new ActionRefusedException(
                    "decide",
                    request.status().name(),
                    "approval.refused.decided",
                    request.status(),
                    request.decidedByName());
        }
        if (approver.userId() != null && approver.userId().equals(request.requestedById())) {
            throw new ActionRefusedException("decide", request.status().name(), "approval.refused.own-request");
        }
        return request;
    }

    /** Refusals of the decision itself (not the approver's, already decided, own request), not of the action. */
    private static boolean isDecisionRefusal(KontorException e) {
        return e instanceof PermissionDeniedException
                || e instanceof NotFoundException
                || e instanceof ActionRefusedException refused
                        && refused.reason().startsWith("approval.refused.");
    }

    private ApprovalHandler handlerFor(ApprovalRequest request) {
        return handlers.orderedStream()
                .filter(h -> h.handles(request.action()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No handler for approved action " + request.action()));
    }

    private void record(Actor actor, ApprovalRequest request, String event, String reason, Map<String, String> more) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("approval", "#" + request.id());
        details.put("requestedAction", request.action());
        details.put("why", request.why());
        details.putAll(more);
        timeline.record(new TimelineEntry(
                null,
                request.subjectType(),
                request.subjectId(),
                clock.instant(),
                actor.userId(),
                actor.displayName(),
                event,
                List.<Change>of(),
                Text.clean(reason),
                details));
    }
}
