package dev.kontor.shared;

import java.util.List;

/**
 * What is wrong with one input field.
 *
 * @param field   the field's path as the client sent it, e.g. {@code lines[1].quantity}
 * @param code    a message key under {@code validation.}, e.g. {@code validation.positive}
 * @param args    values the message shows, e.g. the limit
 */
public record FieldProblem(String field, String code, List<Object> args) {

    public FieldProblem {
        args = List.copyOf(args);
    }

    public static FieldProblem of(String field, String code, Object... args) {
        return new FieldProblem(field, code, List.of(args));
    }
}
