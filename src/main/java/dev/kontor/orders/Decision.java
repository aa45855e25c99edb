package dev.kontor.orders;

import java.util.List;

/** What the rules say to an action: allowed (and where it leads), or refused with a reason. */
public sealed interface Decision {

    record Allowed(LifecycleStatus target) implements Decision {}

    /**
     * @param reason message key of the reason, e.g. {@code order.refused.paid}
     * @param args   what the message shows
     */
    record Refused(String reason, List<Object> args) implements Decision {
        public Refused {
            args = List.copyOf(args);
        }
    }

    default boolean isAllowed() {
        return this instanceof Allowed;
    }
}
