package dev.kontor.bulk;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import dev.kontor.shared.Message;

/**
 * One action over many subjects of one kind (orders; later imported rows) and how far it has come.
 *
 * @param subject what the job works on, the {@link BulkHandler#subject()} of its handler, e.g. {@code order}
 * @param action what it does to each, in the handler's words, e.g. {@code APPROVE}
 * @param argument what the action needs (a reason, a tag, a user's id), as the handler stored it
 * @param counts how many items are in each state
 */
public record BulkJob(
        long id,
        String subject,
        String action,
        String argument,
        long requestedById,
        String requestedByName,
        int total,
        Instant createdAt,
        Map<BulkItemStatus, Long> counts) {

    public BulkJob {
        EnumMap<BulkItemStatus, Long> all = new EnumMap<>(BulkItemStatus.class);
        for (BulkItemStatus status : BulkItemStatus.values()) {
            all.put(status, counts.getOrDefault(status, 0L));
        }
        counts = Map.copyOf(all);
    }

    /**
     * One subject of the job and what became of it.
     *
     * @param label how people know the subject (an order's number), as it is now
     * @param result why it was refused, failed or waits for approval; in no language until a reader sees it
     */
    public record Item(int position, long subjectId, String label, BulkItemStatus status, Message result) {}

    public long count(BulkItemStatus status) {
        return counts.get(status);
    }

    /** How many items have been worked on, whatever came of it. */
    public long processed() {
        return total - count(BulkItemStatus.PENDING);
    }

    public boolean finished() {
        return count(BulkItemStatus.PENDING) == 0;
    }

    public int percent() {
        return total == 0 ? 100 : (int) (processed() * 100 / total);
    }
}
