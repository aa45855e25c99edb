package dev.kontor.integration.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request and its answer on every operation of the API's description, from {@code openapi/examples.json}: one
 * scenario of calls in order (a token, a customer, an order for them, its payment, its shipment…), each naming the
 * operation it shows, its concrete path and query, headers, body, the status it gets and the answer it got. The
 * path's and query's values become the parameters' examples, the body the request body's, the answer the response's.
 *
 * <p>{@code ApiExamplesTest} runs the scenario from the document against a fresh Kontor and checks every answer
 * against the document's schemas, so the examples cannot rot; with {@code -Dkontor.docs.update=true} it writes the
 * answers it got back into the file.
 */
final class OpenApiExamples implements OpenApiCustomizer {

    static final String RESOURCE = "openapi/examples.json";

    private final List<JsonNode> steps;

    OpenApiExamples() {
        this.steps = read();
    }

    private static List<JsonNode> read() {
        ClassPathResource resource = new ClassPathResource(RESOURCE);
        if (!resource.exists()) {
            return List.of();
        }
        try (InputStream in = resource.getInputStream()) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            return root.get("steps")
                    .valueStream()
                    .filter(step -> !step.path("extra").asBoolean(false)) // the scenario's other calls
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void customise(OpenAPI openApi) {
        Map<String, Operation> byId = new HashMap<>();
        Map<String, String> templates = new HashMap<>();
        openApi.getPaths()
                .forEach((path, item) -> item.readOperations().forEach(operation -> {
                    byId.put(operation.getOperationId(), operation);
                    templates.put(operation.getOperationId(), path);
                }));
        for (JsonNode step : steps) {
            String id = step.get("operation").asString();
            Operation operation = byId.get(id);
            if (operation == null) {
                continue; // ApiExamplesTest names a step whose operation is gone
            }
            String target = step.get("path").asString();
            parameters(operation, "path", pathValues(templates.get(id), target.split("\\?", 2)[0]));
            parameters(operation, "query", queryValues(target));
            Map<String, String> headers = new LinkedHashMap<>();
            if (step.has("headers")) {
                step.get("headers")
                        .properties()
                        .forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
            }
            parameters(operation, "header", headers);
            requestBody(operation.getRequestBody(), step);
            response(operation, step);
        }
    }

    private static void parameters(Operation operation, String in, Map<String, String> values) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (!in.equals(parameter.getIn())) {
                continue;
            }
            String value = values.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(parameter.getName()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
            if (value != null) {
                parameter.setExample(typed(value, parameter.getSchema()));
            }
        }
    }

    /** The text from the path or query as its schema's type: 7 as a number, NEW,PAID as a list. */
    @SuppressWarnings("rawtypes")
    static Object typed(String value, Schema schema) {
        if (schema == null || schema.getType() == null) {
            return value;
        }
        return switch (schema.getType()) {
            case "integer" -> Long.valueOf(value);
            case "number" -> new java.math.BigDecimal(value);
            case "boolean" -> Boolean.valueOf(value);
            case "array" ->
                java.util.Arrays.stream(value.split(","))
                        .map(item -> typed(item, schema.getItems()))
                        .toList();
            default -> value;
        };
    }

    /** {@code /api/orders/{id}/notes} and {@code /api/orders/7/notes} → id=7. */
    static Map<String, String> pathValues(String template, String path) {
        Map<String, String> values = new LinkedHashMap<>();
        String[] names = template.split("/");
        String[] parts = path.split("/");
        for (int i = 0; i < names.length && i < parts.length; i++) {
            if (names[i].startsWith("{")) {
                values.put(
                        names[i].substring(1, names[i].length() - 1),
                        URLDecoder.decode(parts[i], StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    static Map<String, String> queryValues(String target) {
        Map<String, String> values = new LinkedHashMap<>();
        int question = target.indexOf('?');
        if (question < 0) {
            return values;
        }
        for (String pair : target.substring(question + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    private static void requestBody(RequestBody body, JsonNode step) {
        if (body == null || body.getContent() == null || !step.has("body")) {
            return;
        }
        for (Map.Entry<String, MediaType> entry : body.getContent().entrySet()) {
            MediaType media = entry.getValue();
            if (media.getExample() != null
                    || media.getExamples() != null && !media.getExamples().isEmpty()) {
                continue; // written by hand on the operation
            }
            media.setExample(value(step.get("body")));
        }
    }

    private static void response(Operation operation, JsonNode step) {
        if (!step.has("status")
                || !step.has("response")
                || step.get("response").isNull()
                || operation.getResponses() == null) {
            return;
        }
        ApiResponse answer = operation.getResponses().get(step.get("status").asString());
        if (answer == null) {
            return;
        }
        Content content = answer.getContent();
        if (content == null) {
            return;
        }
        for (MediaType media : content.values()) {
            if (media.getExample() == null
                    && (media.getExamples() == null || media.getExamples().isEmpty())) {
                media.setExample(value(step.get("response")));
            }
        }
    }

    /** As the document's model wants it: maps, lists and plain values, in the file's order. */
    private static Object value(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), value(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            return node.valueStream().map(OpenApiExamples::value).toList();
        }
        if (node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node.asString();
    }
}
