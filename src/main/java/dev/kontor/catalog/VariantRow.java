package dev.kontor.catalog;

import java.util.Map;

/** One line of the inventory list: a variant, its product, and its stock in total. */
public record VariantRow(
        long variantId,
        long productId,
        String productCode,
        String productName,
        String sku,
        Map<String, String> attributes,
        VariantStatus status,
        boolean allowBackorder,
        int lowStockThreshold,
        String supplierName,
        StockFigures stock) {

    public String attributeText() {
        return String.join(" / ", attributes.values());
    }

    public boolean isLow() {
        return status != VariantStatus.DISCONTINUED && stock.available() <= lowStockThreshold;
    }
}
