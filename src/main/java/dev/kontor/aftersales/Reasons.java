package dev.kontor.aftersales;

import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.Text;

/** Every after-sales verb says why: a reason of at most 1,000 characters. */
final class Reasons {

    private Reasons() {}

    static String require(String reason) {
        String why = Text.clean(reason);
        if (why == null) {
            throw InvalidInputException.of("reason", "validation.reason.required");
        }
        if (why.length() > 1000) {
            throw InvalidInputException.of("reason", "validation.too-long", 1000);
        }
        return why;
    }
}
