package dev.kontor.catalog;

/**
 * A variant purchasing must buy: what is promised without stock plus what brings it back to its threshold.
 *
 * @param toBuy backordered units plus (threshold − available) when available is below the threshold
 */
public record PurchasingLine(
        VariantRow variant, Supplier supplier, Long purchasePrice, String purchaseCurrency, int toBuy) {}
