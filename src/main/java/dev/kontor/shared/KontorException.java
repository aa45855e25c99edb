package dev.kontor.shared;

import java.util.List;

/**
 * A command that cannot be carried out, for a reason the user can read. The message key and its
 * arguments are resolved in the user's language by the web layer; {@link #getMessage()} is English for logs.
 */
public abstract class KontorException extends RuntimeException {

    private final String messageKey;
    private final List<Object> args;

    protected KontorException(String messageKey, List<Object> args, String logMessage) {
        super(logMessage);
        this.messageKey = messageKey;
        this.args = List.copyOf(args);
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> args() {
        return args;
    }
}
