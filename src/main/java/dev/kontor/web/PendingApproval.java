package dev.kontor.web;

import java.net.URI;

import org.springframework.http.ResponseEntity;

/**
 * What the API answers (202 Accepted) when a command on an order waits for a supervisor: the request filed instead
 * of the action, its Location the approval request.
 */
public record PendingApproval(
        long approvalId, String action, String why, String approval, long orderId, String orderNumber) {

    /** The answer for approval request {@code approvalId} ({@code action}, asked because {@code why}). */
    public static ResponseEntity<PendingApproval> answer(
            long approvalId, String action, String why, long orderId, String orderNumber) {
        String at = "/api/approvals/" + approvalId;
        return ResponseEntity.accepted()
                .location(URI.create(at))
                .body(new PendingApproval(approvalId, action, why, at, orderId, orderNumber));
    }
}
