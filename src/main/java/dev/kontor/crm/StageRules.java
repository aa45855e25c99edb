package dev.kontor.crm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.kontor.access.Role;
import dev.kontor.orders.LifecycleRules;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.OrderAction;
import dev.kontor.shared.Names;
import dev.kontor.shared.Problems;

import static dev.kontor.orders.LifecycleStatus.APPROVED;
import static dev.kontor.orders.LifecycleStatus.CANCELLED;
import static dev.kontor.orders.LifecycleStatus.COMPLETED;
import static dev.kontor.orders.LifecycleStatus.DRAFT;
import static dev.kontor.orders.LifecycleStatus.NEW;
import static dev.kontor.orders.LifecycleStatus.ON_HOLD;

/**
 * The rules of sales stages, in one place and without a database: which stage definitions make sense, that every
 * state an order can be in has a stage in every pipeline, who may move an order out of and into a stage, what an
 * order needs to enter one, and how a move becomes lifecycle actions. A stage only refines the lifecycle: the way
 * from one stage to another is the lifecycle's own way between their states ({@link LifecycleRules#path}), each
 * action taken as a user would take it, so a stage can never put an order where the lifecycle forbids.
 */
public final class StageRules {

    /** The states a stage can belong to: all an order can be in except a deleted draft. */
    public static final Set<LifecycleStatus> STATES = EnumSet.of(DRAFT, NEW, APPROVED, ON_HOLD, COMPLETED, CANCELLED);

    public static final int NAME_MAX = 60;

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");

    private StageRules() {}

    /** What an order has, for the stages' requirements. */
    public record Facts(
            boolean responsible, boolean shippingAddress, boolean email, boolean paidInFull, boolean signedDocument) {

        boolean has(StageRequirement requirement) {
            return switch (requirement) {
                case RESPONSIBLE -> responsible;
                case SHIPPING_ADDRESS -> shippingAddress;
                case EMAIL -> email;
                case PAID -> paidInFull;
                case SIGNED_DOCUMENT -> signedDocument;
            };
        }
    }

    /** The problems of a stage as an admin defines it, each naming its field. */
    public static Problems check(Names names, String colour, LifecycleStatus lifecycle, StageOutcome outcome) {
        Problems problems = new Problems();
        checkNames(problems, "names", names);
        if (colour == null || !COLOUR.matcher(colour).matches()) {
            problems.add("colour", "validation.stage.colour");
        }
        if (lifecycle == null) {
            problems.add("lifecycle", "validation.required");
        } else if (!STATES.contains(lifecycle)) {
            problems.add("lifecycle", "validation.stage.lifecycle");
        }
        if (outcome == null) {
            problems.add("outcome", "validation.required");
        } else if (lifecycle != null) {
            switch (outcome) {
                case OPEN -> {
                    if (lifecycle == COMPLETED || lifecycle == CANCELLED) {
                        problems.add("outcome", "validation.stage.open-final", lifecycle);
                    }
                }
                case WON -> {
                    if (lifecycle != APPROVED && lifecycle != COMPLETED) {
                        problems.add("outcome", "validation.stage.won", lifecycle);
                    }
                }
                case LOST -> {
                    if (lifecycle != CANCELLED) {
                        problems.add("outcome", "validation.stage.lost", lifecycle);
                    }
                }
            }
        }
        return problems;
    }

    /** A name in each language: at least one, none too long. */
    public static void checkNames(Problems problems, String field, Names names) {
        if (names == null || names.isEmpty()) {
            problems.add(field, "validation.required");
            return;
        }
        if (names.byLanguage().values().stream().anyMatch(name -> name.length() > NAME_MAX)) {
            problems.add(field, "validation.too-long", NAME_MAX);
        }
    }

    /**
     * The states these stages leave without a stage. Every pipeline keeps one for each, so that every order, whatever
     * its state, has its place on the board.
     */
    public static Set<LifecycleStatus> uncovered(Collection<Stage> stages) {
        Set<LifecycleStatus> left = EnumSet.copyOf(STATES);
        stages.forEach(s -> left.remove(s.lifecycle()));
        return left;
    }

    /** Which of the stages' rights refuses someone with these roles the move: "leave", "enter", or none. */
    public static Optional<String> refusedRight(Set<Role> roles, Stage from, Stage to) {
        if (from != null && from.id() != to.id() && !mayAny(roles, from.leaveRoles())) {
            return Optional.of("leave");
        }
        if (!mayAny(roles, to.enterRoles())) {
            return Optional.of("enter");
        }
        return Optional.empty();
    }

    private static boolean mayAny(Set<Role> roles, Set<Role> allowed) {
        return allowed.isEmpty() || roles.stream().anyMatch(allowed::contains);
    }

    /** What the order lacks to enter the stage, in the stage's order of requirements. */
    public static List<StageRequirement> missing(Stage to, Facts facts) {
        List<StageRequirement> missing = new ArrayList<>();
        for (StageRequirement requirement : StageRequirement.values()) {
            if (to.requires().contains(requirement) && !facts.has(requirement)) {
                missing.add(requirement);
            }
        }
        return missing;
    }

    /**
     * The lifecycle actions that take an order from its state to the stage's: none when the stage belongs to the
     * same state; empty as well when there is no way, which {@link #reachable} tells apart.
     */
    public static List<OrderAction> actions(LifecycleStatus from, LifecycleStatus heldFrom, Stage to) {
        return from == to.lifecycle() ? List.of() : LifecycleRules.path(from, to.lifecycle(), heldFrom);
    }

    /** Whether the lifecycle has a way from the order's state to the stage's at all. */
    public static boolean reachable(LifecycleStatus from, LifecycleStatus heldFrom, Stage to) {
        return from == to.lifecycle()
                || !LifecycleRules.path(from, to.lifecycle(), heldFrom).isEmpty();
    }
}
