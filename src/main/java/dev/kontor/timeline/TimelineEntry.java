package dev.kontor.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One thing that happened to a subject.
 *
 * @param id          assigned when recorded; {@code null} before
 * @param subjectType e.g. {@code order}
 * @param subjectId   the subject's id
 * @param occurredAt  when it happened
 * @param actorId     the user who did it; {@code null} for Kontor itself (a background job)
 * @param actorName   the name shown for the actor
 * @param action      what happened, a message key under {@code timeline.}, e.g. {@code order.approved}
 * @param changes     the fields it changed, with their values before and after
 * @param reason      why, when the user gave a reason
 * @param details     further facts for the reader, e.g. a tracking number
 */
public record TimelineEntry(
        Long id,
        String subjectType,
        long subjectId,
        Instant occurredAt,
        Long actorId,
        String actorName,
        String action,
        List<Change> changes,
        String reason,
        Map<String, String> details) {

    public TimelineEntry {
        changes = changes == null ? List.of() : List.copyOf(changes);
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
