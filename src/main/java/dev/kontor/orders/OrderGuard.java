package dev.kontor.orders;

import java.util.List;
import java.util.Optional;

/**
 * A rule another module adds to the order's lifecycle for a status axis of its own (the documents module's "signed
 * order document arrived"), asked after {@link LifecycleRules} allowed an action: the orders module stays unaware of
 * the modules that guard it. A guard's own rules are tested with its module.
 */
public interface OrderGuard {

    /** Why this action may not be taken on this (locked) order now, or nothing. */
    Optional<Refusal> check(Order order, OrderAction action);

    /**
     * Whether this guard could refuse this action on any order now (a guard the admins switched off cannot): asked
     * once before many orders are checked, so that an idle guard costs a bulk action nothing per order.
     */
    default boolean active(OrderAction action) {
        return true;
    }

    /** A guard's refusal: a message key and its arguments. */
    record Refusal(String reason, List<Object> args) {}
}
