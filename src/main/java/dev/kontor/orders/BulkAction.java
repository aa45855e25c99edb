package dev.kontor.orders;

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
    ASSIGN;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
