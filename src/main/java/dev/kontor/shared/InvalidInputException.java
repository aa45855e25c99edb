package dev.kontor.shared;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks a rule, field by field. The API answers 422 listing every field. */
public class InvalidInputException extends KontorException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(
                "error.invalid-input",
                List.of(),
                "Invalid input: "
                        + problems.stream().map(p -> p.field() + " " + p.code()).collect(Collectors.joining(", ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("An invalid input needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(String field, String code, Object... args) {
        return new InvalidInputException(List.of(FieldProblem.of(field, code, args)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
