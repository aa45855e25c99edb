package dev.kontor.catalog;

import java.time.Instant;

/** "Please buy this": a note to purchasing from customer service or the warehouse. */
public record PurchasingNotice(
        long id,
        long variantId,
        String sku,
        String productName,
        int quantity,
        String note,
        String requestedBy,
        Instant requestedAt,
        String doneBy,
        Instant doneAt) {

    public boolean isOpen() {
        return doneAt == null;
    }
}
