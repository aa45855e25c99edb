package dev.kontor.catalog;

import java.util.List;
import java.util.Map;

/** A product as a form, the API or a CSV row describes it. Amounts in minor units. */
public record ProductInput(String code, String name, List<VariantInput> variants) {

    public ProductInput {
        variants = variants == null ? List.of() : variants;
    }

    /**
     * @param supplier the supplier's name (created if new)
     */
    public record VariantInput(
            String sku,
            Map<String, String> attributes,
            VariantStatus status,
            Boolean allowBackorder,
            String supplier,
            Long purchasePrice,
            String purchaseCurrency,
            Integer lowStockThreshold,
            Map<String, Long> prices) {}
}
