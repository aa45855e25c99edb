package dev.kontor.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.FieldProblem;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.PermissionDeniedException;
import dev.kontor.shared.StaleVersionException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every refusal the API gives, as RFC 9457 problem+json: 404 for what does not exist, 409 for an action
 * the rules refuse now (naming action, state and reason), 412 for a stale {@code If-Match}, 422 listing
 * each invalid field, 400 for a body that is not the JSON it should be, 413 for one that is too large.
 * Never a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    private static final String TYPE = "https://kontor.dev/problems/";

    private final Messages messages;

    ApiProblems(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", messages.of(e));
    }

    @ExceptionHandler(ActionRefusedException.class)
    ProblemDetail refused(ActionRefusedException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "action-refused", messages.of(e));
        problem.setProperty("action", e.action());
        problem.setProperty("state", e.state());
        problem.setProperty("reason", e.reason());
        return problem;
    }

    @ExceptionHandler(PermissionDeniedException.class)
    ProblemDetail forbidden(PermissionDeniedException e) {
        ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "permission-denied", messages.of(e));
        problem.setProperty("permission", e.permission());
        return problem;
    }

    @ExceptionHandler(StaleVersionException.class)
    ProblemDetail stale(StaleVersionException e, HttpServletRequest request) {
        HttpStatus status =
                request.getHeader(HttpHeaders.IF_MATCH) != null ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT;
        ProblemDetail problem = problem(status, "stale-version", messages.of(e));
        problem.setProperty("currentVersion", e.currentVersion());
        problem.setProperty("changedBy", e.changedBy());
        return problem;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return invalidFields(e.problems());
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail tooLarge(PayloadTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", messages.get("error.too-large", e.limit()));
    }

    ProblemDetail invalidFields(List<FieldProblem> problems) {
        ProblemDetail problem = problem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "invalid-input",
                messages.get(
                        "error.invalid-input.detail",
                        problems.size(),
                        String.join(
                                ", ",
                                problems.stream()
                                        .map(FieldProblem::field)
                                        .distinct()
                                        .toList())));
        List<Map<String, Object>> errors = new ArrayList<>();
        for (FieldProblem p : problems) {
            errors.add(Map.of("field", p.field(), "code", p.code(), "message", messages.of(p)));
        }
        problem.setProperty("errors", errors);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            problems.add(FieldProblem.of(error.getField(), beanValidationCode(error)));
        }
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(g -> problems.add(FieldProblem.of(g.getObjectName(), "validation.invalid")));
        return ResponseEntity.unprocessableContent().body(invalidFields(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        e.getParameterValidationResults()
                .forEach(result -> result.getResolvableErrors()
                        .forEach(error -> problems.add(FieldProblem.of(
                                result.getMethodParameter().getParameterName(), "validation.invalid"))));
        return ResponseEntity.unprocessableContent().body(invalidFields(problems));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalidFields(List.of(FieldProblem.of(e.getName(), "validation.type")));
    }

    /** Malformed JSON, an unknown field, a value of the wrong type, or a body over the limit. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof PayloadTooLargeException tooLarge) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge));
        }
        ProblemDetail problem;
        if (cause instanceof UnrecognizedPropertyException unknown) {
            problem = problem(
                    HttpStatus.BAD_REQUEST, "unreadable", messages.get("error.json.unknown-field", path(unknown)));
            problem.setProperty("field", path(unknown));
        } else if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
            problem = problem(HttpStatus.BAD_REQUEST, "unreadable", messages.get("error.json.wrong-type", path(json)));
            problem.setProperty("field", path(json));
        } else if (cause instanceof JacksonException json) {
            problem = problem(
                    HttpStatus.BAD_REQUEST,
                    "unreadable",
                    messages.get(
                            "error.json.malformed",
                            json.getLocation() == null
                                    ? "?"
                                    : json.getLocation().getLineNr(),
                            json.getLocation() == null
                                    ? "?"
                                    : json.getLocation().getColumnNr()));
        } else {
            problem = problem(HttpStatus.BAD_REQUEST, "unreadable", messages.get("error.json.missing"));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", messages.get("error.internal"));
    }

    /** The JSON path of the offending value, e.g. {@code lines[0].quantity}. */
    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String beanValidationCode(FieldError error) {
        String code = error.getCode() == null ? "Invalid" : error.getCode();
        return switch (code) {
            case "NotNull", "NotBlank", "NotEmpty" -> "validation.required";
            case "Positive" -> "validation.positive";
            case "PositiveOrZero", "Min" -> "validation.not-negative";
            case "Email" -> "validation.email";
            case "Size", "Length" -> "validation.size";
            case "Pattern" -> "validation.format";
            case "typeMismatch" -> "validation.type";
            default -> "validation.invalid";
        };
    }

    private static ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE + type));
        return problem;
    }
}
