package dev.kontor.timeline;

import java.util.List;

/**
 * Entries were just appended, in the transaction of the change they describe: heard synchronously, inside that
 * transaction, by whoever derives records of their own from the history (the integration module's order events), so
 * those are written if and only if the entries are.
 */
public record TimelineRecorded(List<TimelineEntry> entries) {

    public TimelineRecorded {
        entries = List.copyOf(entries);
    }
}
