package dev.kontor.imports;

import java.util.List;
import java.util.Map;

/**
 * What a batch's files held against what Kontor made of them: seed 001's "the count of approved orders equals the
 * number approved", for every channel.
 *
 * @param rows the rows read, all files together
 * @param orders the orders in the files (without duplicates)
 * @param imported placed as new orders
 * @param updated already in Kontor, and the files said more (paid now, shipped now, closed): recorded
 * @param conflicts already in Kontor, and the files say what Kontor contradicts: not applied
 * @param unchanged already in Kontor as the files say: nothing created or changed
 * @param rejected not imported: an error found by the checks, or a refusal when committing
 * @param duplicates second rows of an order inside the files
 * @param pending importable, not yet committed (or still being committed)
 * @param fileTotals the sum of the order totals in the files, per currency (minor units)
 * @param importedTotals the sum of the totals of the orders imported now, per currency
 */
public record Reconciliation(
        int rows,
        int orders,
        int imported,
        int updated,
        int conflicts,
        int unchanged,
        int rejected,
        int duplicates,
        int pending,
        Map<String, Long> fileTotals,
        Map<String, Long> importedTotals,
        List<ImportFile> files) {

    /** Whether every order of the files is accounted for. */
    public boolean balances() {
        return imported + updated + conflicts + unchanged + rejected + pending == orders;
    }
}
