package dev.kontor.bulk;

import java.util.Locale;
import java.util.Map;

/**
 * A bulk job as the HTTP API shows it, wherever a job is started or read.
 *
 * @param subject what the job works on: {@code order}
 * @param action what it does to each, e.g. {@code approve}
 */
public record BulkJobResponse(
        long id,
        String subject,
        String action,
        String argument,
        String requestedBy,
        int total,
        long processed,
        boolean finished,
        int percent,
        Map<BulkItemStatus, Long> counts) {

    public static BulkJobResponse of(BulkJob job) {
        return new BulkJobResponse(
                job.id(),
                job.subject(),
                job.action().toLowerCase(Locale.ROOT),
                job.argument(),
                job.requestedByName(),
                job.total(),
                job.processed(),
                job.finished(),
                job.percent(),
                job.counts());
    }
}
