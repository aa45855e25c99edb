package dev.kontor.crm;

import java.time.Instant;

/**
 * A planned activity (or a call logged after it happened: its direction and minutes) on an order or a customer ({@code subjectType} {@code order} or {@code customer}), labelled as
 * people know its subject (the order number, the customer's name).
 */
public record Activity(
        long id,
        String subjectType,
        long subjectId,
        String subjectLabel,
        ActivityKind kind,
        Instant dueAt,
        long responsibleId,
        String responsibleName,
        String note,
        String createdBy,
        Instant createdAt,
        Instant doneAt,
        String doneBy,
        String outcome,
        CallDirection callDirection,
        Integer callMinutes) {

    public boolean done() {
        return doneAt != null;
    }

    /** Open and due before {@code now}. */
    public boolean overdueAt(Instant now) {
        return doneAt == null && dueAt.isBefore(now);
    }

    /** Where its subject is seen: the order's or the customer's page. */
    public String subjectPath() {
        return ("order".equals(subjectType) ? "/orders/" : "/customers/") + subjectId;
    }
}
