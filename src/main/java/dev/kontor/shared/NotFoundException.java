package dev.kontor.shared;

import java.util.List;

/** The thing asked for does not exist (or the user may not know that it does). */
public class NotFoundException extends KontorException {

    private final String kind;

    public NotFoundException(String kind, Object id) {
        super("error.not-found." + kind, List.of(String.valueOf(id)), kind + " " + id + " not found");
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
