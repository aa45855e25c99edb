package dev.kontor.shared;

/** Kontor cannot start, for a reason the person starting it can fix; shown without a stack trace. */
public class StartupProblem extends RuntimeException {

    private final String action;

    /**
     * @param description what is wrong
     * @param action      what to do about it
     */
    public StartupProblem(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
