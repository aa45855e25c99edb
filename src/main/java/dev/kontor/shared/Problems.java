package dev.kontor.shared;

import java.util.ArrayList;
import java.util.List;

/** Collects field problems while checking input, then throws them all at once. */
public final class Problems {

    private final List<FieldProblem> found = new ArrayList<>();

    public Problems add(String field, String code, Object... args) {
        found.add(FieldProblem.of(field, code, args));
        return this;
    }

    public Problems addAll(List<FieldProblem> problems) {
        found.addAll(problems);
        return this;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<FieldProblem> list() {
        return List.copyOf(found);
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
    }
}
