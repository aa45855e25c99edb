package dev.kontor.payments;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where one payment stands. Only {@link #SUCCEEDED} counts as money received; {@link #PENDING} and
 * {@link #UNKNOWN} show as "payment pending" on the order until they are settled one way or the other.
 */
public enum PaymentState {
    /** Started (a checkout opened) but nothing confirmed. */
    INITIATED,
    /** On its way: a bank transfer announced, a card payment awaiting confirmation. */
    PENDING,
    /** The money arrived. Final. */
    SUCCEEDED,
    /** Declined or abandoned. Final. */
    FAILED,
    /** The provider did not say (a timeout); a reconciler must find out. */
    UNKNOWN;

    private static final Map<PaymentState, Set<PaymentState>> NEXT = Map.of(
            INITIATED, EnumSet.of(PENDING, SUCCEEDED, FAILED, UNKNOWN),
            PENDING, EnumSet.of(SUCCEEDED, FAILED, UNKNOWN),
            UNKNOWN, EnumSet.of(PENDING, SUCCEEDED, FAILED),
            SUCCEEDED, EnumSet.noneOf(PaymentState.class),
            FAILED, EnumSet.noneOf(PaymentState.class));

    public boolean canMoveTo(PaymentState next) {
        return NEXT.get(this).contains(next);
    }

    /** Counted as "pending" money on the order. */
    public boolean isOpen() {
        return this == INITIATED || this == PENDING || this == UNKNOWN;
    }
}
