package dev.kontor.access;

/** What the policy says to an action: allowed, denied (naming the permission), or allowed once approved. */
public sealed interface Verdict {

    record Allowed() implements Verdict {}

    record Denied(Permission permission) implements Verdict {}

    /**
     * @param why message key saying why a supervisor must approve, e.g. {@code approval.why.money-received}
     */
    record NeedsApproval(Permission permission, String why) implements Verdict {}

    Verdict ALLOWED = new Allowed();

    default boolean isAllowed() {
        return this instanceof Allowed;
    }

    /** Whether the user may at least ask (allowed, or with approval): the UI shows the action then. */
    default boolean isOffered() {
        return !(this instanceof Denied);
    }
}
