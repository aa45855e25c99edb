package dev.kontor.orders;

import java.util.Locale;
import java.util.Optional;

/** The verbs that move an order along its lifecycle. */
public enum OrderAction {
    /** Draft → new: the order goes to review. */
    SUBMIT,
    /** New → approved. */
    APPROVE,
    /** New or approved → on hold, with a reason. */
    HOLD,
    /** On hold → back where it was. */
    RELEASE,
    /** Void the order: new, approved or on hold → cancelled; never once money or goods moved. */
    CANCEL,
    /** Approved, paid and shipped → completed. */
    COMPLETE,
    /** Throw a draft away. */
    DELETE;

    /** The key used in URLs, messages and the API: {@code submit}, {@code approve}… */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OrderAction> fromKey(String key) {
        for (OrderAction action : values()) {
            if (action.key().equals(key)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
