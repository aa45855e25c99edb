package dev.kontor.catalog;

import java.util.List;

/** A product and its variants. */
public record Product(long id, String code, String name, List<Variant> variants, int version) {

    public Product {
        variants = List.copyOf(variants);
    }

    public ProductStatus status() {
        return ProductStatus.of(variants.stream().map(Variant::status).toList());
    }
}
