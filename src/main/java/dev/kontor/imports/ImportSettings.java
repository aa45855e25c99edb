package dev.kontor.imports;

import java.math.BigDecimal;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How marketplace files are imported ({@code kontor.imports.*}).
 *
 * @param refuseUnknownItems whether a line whose item code the catalog lacks refuses its order; by default it is
 *     imported as a non-catalog line and flagged
 * @param maxUploadSize the largest file accepted (the API's and the form's cap)
 * @param autoApprove which imported orders skip review ({@code kontor.imports.auto-approve.*})
 */
@ConfigurationProperties("kontor.imports")
public record ImportSettings(
        @DefaultValue("false") boolean refuseUnknownItems,
        @DefaultValue("100MB") DataSize maxUploadSize,
        @DefaultValue AutoApprove autoApprove) {

    /**
     * The shop's review rules (what 聚水潭-style back offices call auto-review): an imported, paid order that passes
     * every rule is approved at commit, reserving its stock as any approval does; the others wait in "To review"
     * with the first reason on their import row. Orders with any warning from the checks (items the catalog lacks,
     * an implausible postal code) always wait.
     *
     * @param enabled whether any imported order skips review
     * @param withoutBuyerMessage only orders whose buyer wrote nothing
     * @param maxTotal per currency, the largest total approved without review ({@code max-total.CNY=2000})
     */
    public record AutoApprove(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("true") boolean withoutBuyerMessage,
            Map<String, BigDecimal> maxTotal) {

        public AutoApprove {
            maxTotal = maxTotal == null ? Map.of() : Map.copyOf(maxTotal);
        }
    }
}
