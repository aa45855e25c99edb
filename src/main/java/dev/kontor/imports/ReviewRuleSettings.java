package dev.kontor.imports;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shop's review rules (what 聚水潭-style back offices call auto-review): an imported, paid order that passes
 * every rule is approved at commit, reserving its stock as any approval does; the others wait in "To review" with
 * the first reason on their import row. Orders with any warning from the checks (items the catalog lacks, an
 * implausible postal code, ship together) always wait, and so do orders a blacklist holds.
 *
 * @param enabled whether any imported order skips review
 * @param withoutBuyerMessage only orders whose buyer wrote nothing
 * @param maxTotals per currency, the largest total approved without review (minor units); no entry: no limit
 */
public record ReviewRuleSettings(
        boolean enabled,
        boolean withoutBuyerMessage,
        Map<String, Long> maxTotals,
        String updatedByName,
        Instant updatedAt) {

    public ReviewRuleSettings {
        maxTotals = maxTotals == null ? Map.of() : Map.copyOf(new TreeMap<>(maxTotals));
    }
}
