package dev.kontor.orders;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * A bulk action over chosen orders and how far it has come.
 *
 * @param argument the hold reason, the tag, or the responsible user's id, as the action needs
 * @param counts   how many orders are in each state
 */
public record BulkJob(
        long id,
        BulkAction action,
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

    /** One chosen order and what became of it. */
    public record Item(int position, long orderId, String number, BulkItemStatus status, String message) {}

    public long count(BulkItemStatus status) {
        return counts.get(status);
    }

    /** How many orders have been worked on, whatever came of it. */
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
