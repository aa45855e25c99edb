package dev.kontor.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.kontor.shared.Currencies;
import dev.kontor.shared.Problems;
import dev.kontor.shared.Text;

/** What a product must be: a code, a name, variants with distinct codes, sane prices. */
public final class CatalogRules {

    private CatalogRules() {}

    public static Problems check(ProductInput in) {
        Problems problems = new Problems();
        if (Text.clean(in.code()) == null) {
            problems.add("code", "validation.required");
        } else if (!in.code().strip().matches("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,39}")) {
            problems.add("code", "validation.code");
        }
        if (Text.clean(in.name()) == null) {
            problems.add("name", "validation.required");
        } else if (in.name().length() > 300) {
            problems.add("name", "validation.too-long", 300);
        }
        if (in.variants().isEmpty()) {
            problems.add("variants", "validation.variants.empty");
        }
        Set<String> skus = new HashSet<>();
        for (int i = 0; i < in.variants().size(); i++) {
            checkVariant(in.variants().get(i), "variants[" + i + "].", skus, problems);
        }
        return problems;
    }

    private static void checkVariant(ProductInput.VariantInput v, String at, Set<String> skus, Problems problems) {
        if (Text.clean(v.sku()) == null) {
            problems.add(at + "sku", "validation.required");
        } else if (!v.sku().strip().matches("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}")) {
            problems.add(at + "sku", "validation.code");
        } else if (!skus.add(v.sku().strip().toUpperCase(Locale.ROOT))) {
            problems.add(at + "sku", "validation.sku.duplicate", v.sku().strip());
        }
        if (v.attributes() != null) {
            for (Map.Entry<String, String> a : v.attributes().entrySet()) {
                if (Text.clean(a.getKey()) == null
                        || Text.clean(a.getValue()) == null
                        || a.getKey().length() > 40
                        || a.getValue().length() > 60) {
                    problems.add(at + "attributes", "validation.attribute");
                    break;
                }
            }
        }
        if (v.purchasePrice() != null && v.purchasePrice() < 0) {
            problems.add(at + "purchasePrice", "validation.not-negative");
        }
        if (v.purchasePrice() != null && !Currencies.isKnown(v.purchaseCurrency())) {
            problems.add(at + "purchaseCurrency", "validation.currency", String.valueOf(v.purchaseCurrency()));
        }
        if (v.lowStockThreshold() != null && v.lowStockThreshold() < 0) {
            problems.add(at + "lowStockThreshold", "validation.not-negative");
        }
        if (v.supplier() != null && v.supplier().length() > 200) {
            problems.add(at + "supplier", "validation.too-long", 200);
        }
        if (v.prices() != null) {
            for (Map.Entry<String, Long> price : v.prices().entrySet()) {
                if (!Currencies.isKnown(price.getKey())) {
                    problems.add(at + "prices", "validation.currency", price.getKey());
                } else if (price.getValue() == null || price.getValue() < 0) {
                    problems.add(at + "prices." + price.getKey(), "validation.not-negative");
                }
            }
        }
    }

    static List<String> skusOf(ProductInput in) {
        return in.variants().stream()
                .map(v -> v.sku() == null ? "" : v.sku().strip())
                .toList();
    }
}
