package dev.kontor.orders.web;

import dev.kontor.orders.BulkAction;
import dev.kontor.shared.InvalidInputException;

/** A bulk action by its key, as forms and the API name it ({@code approve}, {@code tag}…). */
final class BulkActions {

    private BulkActions() {}

    static BulkAction parse(String key) {
        if (key == null || key.isBlank()) {
            throw InvalidInputException.of("action", "validation.required");
        }
        for (BulkAction a : BulkAction.values()) {
            if (a.key().equals(key)) {
                return a;
            }
        }
        throw InvalidInputException.of("action", "validation.unknown-value", key);
    }
}
