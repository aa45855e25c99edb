package dev.kontor.imports.internal;

import java.util.Map;
import java.util.TreeMap;

import dev.kontor.imports.ImportOutcome;
import dev.kontor.imports.ImportVerdict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The counts and sums of a batch's reconciliation, in one query over its staged orders. */
@Repository
public class ImportTallyRepository {

    private final JdbcClient jdbc;

    ImportTallyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts and sums for the reconciliation report. */
    public record Tally(
            int orders,
            int imported,
            int updated,
            int conflicts,
            int unchanged,
            int rejected,
            int duplicates,
            int pending,
            Map<String, Long> fileTotals,
            Map<String, Long> importedTotals) {}

    public Tally tally(long batchId) {
        Map<String, Long> fileTotals = new TreeMap<>();
        Map<String, Long> importedTotals = new TreeMap<>();
        int[] counts = new int[8];
        jdbc.sql("""
                        SELECT currency, verdict, outcome, count(*) AS n, coalesce(sum(total), 0) AS total
                        FROM import_orders WHERE batch_id = :batch GROUP BY currency, verdict, outcome""")
                .param("batch", batchId)
                .query((rs, n) -> {
                    ImportVerdict verdict = ImportVerdict.valueOf(rs.getString("verdict"));
                    String outcome = rs.getString("outcome");
                    int count = rs.getInt("n");
                    long total = rs.getLong("total");
                    if (verdict == ImportVerdict.DUPLICATE) {
                        counts[4] += count;
                        return null;
                    }
                    counts[0] += count;
                    fileTotals.merge(rs.getString("currency"), total, Long::sum);
                    if (ImportOutcome.IMPORTED.name().equals(outcome)) {
                        counts[1] += count;
                        importedTotals.merge(rs.getString("currency"), total, Long::sum);
                    } else if (ImportOutcome.UNCHANGED.name().equals(outcome)) {
                        counts[2] += count;
                    } else if (ImportOutcome.UPDATED.name().equals(outcome)) {
                        counts[6] += count;
                    } else if (ImportOutcome.CONFLICT.name().equals(outcome)) {
                        counts[7] += count;
                    } else if (verdict == ImportVerdict.REJECTED) {
                        counts[3] += count;
                    } else {
                        counts[5] += count;
                    }
                    return null;
                })
                .list();
        return new Tally(
                counts[0],
                counts[1],
                counts[6],
                counts[7],
                counts[2],
                counts[3],
                counts[4],
                counts[5],
                fileTotals,
                importedTotals);
    }
}
