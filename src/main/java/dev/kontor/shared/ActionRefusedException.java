package dev.kontor.shared;

import java.util.List;

/**
 * An action the rules do not allow now: names the action, the state the subject is in and the reason.
 * The API answers 409.
 *
 * @see dev.kontor.shared.KontorException
 */
public class ActionRefusedException extends KontorException {

    private final String action;
    private final String state;
    private final String reason;

    /**
     * @param action the action's key, e.g. {@code cancel}
     * @param state  the state's key, e.g. {@code SHIPPED}
     * @param reason the reason's message key, e.g. {@code order.refused.shipped}
     * @param args   arguments of the reason's message
     */
    public ActionRefusedException(String action, String state, String reason, Object... args) {
        super(reason, List.of(args), "Refused " + action + " in state " + state + ": " + reason);
        this.action = action;
        this.state = state;
        this.reason = reason;
    }

    public String action() {
        return action;
    }

    public String state() {
        return state;
    }

    public String reason() {
        return reason;
    }
}
