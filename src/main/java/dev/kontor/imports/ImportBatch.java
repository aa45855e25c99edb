package dev.kontor.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One upload of a marketplace's files, named like {@code 2026-12-04-1} (the day and a running number) unless the
 * user named it, with what the checks found and, once committed, the bulk job that imports its orders.
 *
 * @param verdicts staged orders by verdict
 * @param imported orders its commit imported or updated so far
 * @param jobId the bulk job that commits it, once asked for
 */
public record ImportBatch(
        long id,
        String name,
        String channel,
        String createdByName,
        Instant createdAt,
        int rowsRead,
        List<ImportFile> files,
        Map<ImportVerdict, Integer> verdicts,
        int problems,
        int inKontor,
        int imported,
        Long jobId,
        String committedByName,
        Instant committedAt) {

    /** Orders a commit would import: ready or with warnings, not yet in Kontor. */
    public int importable() {
        return verdicts.getOrDefault(ImportVerdict.READY, 0) + verdicts.getOrDefault(ImportVerdict.WARNING, 0);
    }

    public int orders() {
        return verdicts.values().stream().mapToInt(Integer::intValue).sum();
    }

    public boolean committed() {
        return jobId != null;
    }
}
