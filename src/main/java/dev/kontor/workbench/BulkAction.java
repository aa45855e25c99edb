package dev.kontor.workbench;

import java.util.Locale;

import dev.kontor.shared.InvalidInputException;

/**
 * What a bulk job does to each chosen order: the same verb, rule and permission as on one order, each order with
 * its own timeline entry.
 */
public enum BulkAction {
    APPROVE,
    /** Needs a reason, the argument. */
    HOLD,
    RELEASE,
    /** Adds the tag given as the argument. */
    TAG,
    /** Removes the tag given as the argument. */
    UNTAG,
    /** Makes the user whose id is the argument responsible (none: nobody). */
    ASSIGN,
    /** Makes sure each order has its invoice (issues it where there is none standing): "print invoices". */
    INVOICE;

    /** How forms and the API name it: {@code approve}, {@code tag}… */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The action a form or a request names; refused naming the field {@code action}. */
    public static BulkAction parse(String key) {
        if (key == null || key.isBlank()) {
            throw InvalidInputException.of("action", "validation.required");
        }
        for (BulkAction action : values()) {
            if (action.key().equals(key)) {
                return action;
            }
        }
        throw InvalidInputException.of("action", "validation.unknown-value", key);
    }
}
