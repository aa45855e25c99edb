package dev.kontor.catalog;

import java.util.Map;
import java.util.Optional;

/**
 * What the catalog says about one variant when an order line is written: its name, attributes, status and list
 * prices by currency (minor units).
 */
public record CatalogItem(
        String sku,
        String productName,
        Map<String, String> attributes,
        VariantStatus status,
        Map<String, Long> prices) {

    /** The list price in this currency, if the variant has one. */
    public Optional<Long> price(String currency) {
        return Optional.ofNullable(currency == null ? null : prices.get(currency));
    }
}
