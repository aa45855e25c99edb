package dev.kontor.access;

import java.time.Instant;
import java.util.Map;

import dev.kontor.shared.Message;

/**
 * A request to carry out an action that needs a supervisor's approval: who asked, what exactly, why.
 *
 * @param subjectType    e.g. {@code order}
 * @param subjectLabel   what people call the subject, e.g. the order number
 * @param action         what is to be done, e.g. {@code order.cancel}
 * @param payload        the exact command, as the module that carries it out needs it
 * @param subjectVersion the subject's version when asked, for actions that must not apply to a changed subject
 * @param reason         the requester's reason
 * @param why            message key of why approval is needed, e.g. {@code approval.why.money-received}
 * @param outcome        why the action failed when it was approved (a message for the reader's language)
 */
public record ApprovalRequest(
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
        Message outcome) {

    public ApprovalRequest {
        payload = payload == null ? Map.of() : Map.copyOf(payload);
    }

    public boolean isPending() {
        return status == ApprovalStatus.PENDING;
    }
}
