package dev.kontor.catalog;

import java.util.Collection;

/** A product's status, derived from its variants': theirs when they agree, "partial" when they differ. */
public enum ProductStatus {
    NORMAL,
    OUT_OF_STOCK,
    DISCONTINUED,
    PARTIAL;

    public static ProductStatus of(Collection<VariantStatus> variants) {
        if (variants.isEmpty()) {
            return NORMAL;
        }
        VariantStatus first = variants.iterator().next();
        return variants.stream().allMatch(first::equals) ? valueOf(first.name()) : PARTIAL;
    }
}
