package dev.kontor.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One sellable variant of a product.
 *
 * @param sku              its code, e.g. {@code WLY0QU1098}
 * @param attributes       what distinguishes it, in the product's order: colour, size…
 * @param prices           list prices in minor units, by ISO currency
 * @param purchasePrice    what it costs from the supplier, minor units of {@code purchaseCurrency}
 * @param lowStockThreshold available stock at or below which it shows as low
 */
public record Variant(
        long id,
        long productId,
        String sku,
        Map<String, String> attributes,
        VariantStatus status,
        boolean allowBackorder,
        Long supplierId,
        Long purchasePrice,
        String purchaseCurrency,
        int lowStockThreshold,
        Map<String, Long> prices) {

    public Variant {
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        prices = prices == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(prices));
    }

    public String attributeText() {
        return String.join(" / ", attributes.values());
    }

    /** Whether an order may promise more than is on hand. */
    public boolean backorderable() {
        return allowBackorder && status != VariantStatus.DISCONTINUED;
    }

    /** The code's number part, how the Taobao back office finds items: WLY0QU1098 → 1098. */
    public static String numberPart(String sku) {
        Matcher m = Pattern.compile("(\\d+)\\D*$").matcher(sku == null ? "" : sku);
        return m.find() ? m.group(1) : null;
    }
}
