package dev.kontor.integration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.kontor.access.Role;
import dev.kontor.support.Api;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.support.MutableClock;
import dev.kontor.support.Outbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: every request example in the API's description, run against a running Kontor in the scenario's order
 * (src/main/resources/openapi/examples.json), each answer checked against the document's schema for its status. The
 * request is built from the document — its path and query parameters' examples, its header examples, its request
 * body's example — so what a reader copies from the document is what ran here.
 *
 * <p>After changing the API, record the answers into the file with {@code ./mvnw test -Dtest=ApiExamplesTest
 * -Dkontor.docs.update=true} and commit it.
 */
@KontorTest
class ApiExamplesTest {

    private static final Path EXAMPLES = Path.of("src/main/resources/openapi/examples.json");
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Test
    void everyRequestExampleInTheDocumentGetsTheAnswerItDocuments() throws Exception {
        clock.set(java.time.Instant.parse("2026-12-07T09:00:00Z")); // the day the examples show
        ObjectNode file = (ObjectNode) JSON.readTree(Files.readString(EXAMPLES));
        Map<String, String> tokens = new LinkedHashMap<>();
        file.get("users").properties().forEach(user -> {
            Role[] roles = user.getValue()
                    .valueStream()
                    .map(role -> Role.valueOf(role.asString()))
                    .toArray(Role[]::new);
            tokens.put(user.getKey(), fixtures.token(fixtures.user(user.getKey(), roles)));
        });
        String spec = new Api(port).get("/v3/api-docs").body();
        JsonNode document = JSON.readTree(spec);
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec)
                .build();

        Map<String, String[]> operations = operations(document);
        List<String> failures = new ArrayList<>();
        TreeSet<String> missing = new TreeSet<>(operations.keySet());
        for (JsonNode step : file.get("steps")) {
            String id = step.get("operation").asString();
            if (!step.path("extra").asBoolean(false)) {
                missing.remove(id);
            }
            String[] where = operations.get(id);
            if (where == null) {
                failures.add(id + ": no such operation in the document");
                continue;
            }
            String user = step.has("as") ? step.get("as").asString() : "admin";
            boolean extra = step.path("extra").asBoolean(false);
            Call call = extra
                    ? fromStep(step)
                    : fromDocument(document.get("paths").get(where[1]).get(where[0]), where[1], step);
            Outcome outcome = send(where[0], call, tokens.get(user));
            int expected = step.get("status").asInt();
            if (outcome.status != expected) {
                failures.add(id + ": " + outcome.status + " instead of " + expected + ": " + outcome.text());
            }
            if (!extra && !Boolean.getBoolean("kontor.docs.update")) {
                shown(document.get("paths").get(where[1]).get(where[0]), step, failures);
            }
            ValidationReport report = validator.validate(outcome.request, outcome.response);
            if (report.hasErrors()) {
                failures.add(
                        id + ": " + SimpleValidationReportFormat.getInstance().apply(report));
            }
            if (Boolean.getBoolean("kontor.docs.update")) {
                ((ObjectNode) step).set("response", recorded(outcome));
            }
            Outbox.awaitDelivered(jdbc);
        }
        if (Boolean.getBoolean("kontor.docs.update")) {
            Files.writeString(EXAMPLES, JSON.writeValueAsString(file) + "\n");
        }
        assertThat(failures).as(String.join("\n\n", failures)).isEmpty();
        assertThat(missing).as("operations without an example in " + EXAMPLES).isEmpty();
    }

    /** The document shows this step: its request body's example and its answer's, when they have a body. */
    private static void shown(JsonNode operation, JsonNode step, List<String> failures) {
        String id = step.get("operation").asString();
        for (JsonNode media : operation.path("requestBody").path("content")) {
            if (!media.has("example") && !media.has("examples")) {
                failures.add(id + ": the request body has no example");
            }
        }
        for (JsonNode media :
                operation.path("responses").path(step.get("status").asString()).path("content")) {
            if (!media.has("example") && !media.has("examples")) {
                failures.add(id + ": the " + step.get("status").asString() + " answer has no example");
            }
        }
    }

    /** operationId → method, path template. */
    private static Map<String, String[]> operations(JsonNode document) {
        Map<String, String[]> operations = new LinkedHashMap<>();
        document.get("paths").properties().forEach(path -> {
            if (!path.getKey().startsWith("/api/")) {
                return;
            }
            path.getValue().properties().forEach(method -> {
                if (method.getValue().has("operationId")) {
                    operations.put(
                            method.getValue().get("operationId").asString(),
                            new String[] {method.getKey(), path.getKey()});
                }
            });
        });
        return operations;
    }

    record Outcome(int status, String contentType, byte[] body, Request request, SimpleResponse response) {
        String text() {
            String text = new String(body, StandardCharsets.UTF_8);
            return text.length() > 600 ? text.substring(0, 600) + "…" : text;
        }
    }

    /** What is sent: path, query, headers, body. */
    record Call(String path, Map<String, String> query, Map<String, String> headers, String contentType, byte[] body) {}

    /** The call the document describes: its parameters' and request body's examples. */
    private static Call fromDocument(JsonNode operation, String template, JsonNode step) {
        String path = template;
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.get("name").asString();
            JsonNode example = parameter.get("example");
            if (example == null) {
                continue;
            }
            String value = example.isArray()
                    ? String.join(
                            ",", example.valueStream().map(JsonNode::asString).toList())
                    : example.asString();
            switch (parameter.get("in").asString()) {
                case "path" -> path = path.replace("{" + name + "}", URLEncoder.encode(value, StandardCharsets.UTF_8));
                case "query" -> query.put(name, value);
                case "header" -> {
                    if (step.path("headers").has(name)) { // an Idempotency-Key only where the scenario sends one
                        headers.put(name, value);
                    }
                }
                default -> {}
            }
        }
        JsonNode content = operation.path("requestBody").path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return new Call(path, query, headers, null, null);
        }
        String contentType = content.propertyNames().iterator().next();
        JsonNode media = content.get(contentType);
        JsonNode example = media.has("example")
                ? media.get("example")
                : media.path("examples").values().iterator().next().get("value");
        if (example == null) {
            return new Call(path, query, headers, null, null);
        }
        if (contentType.startsWith("multipart/")) {
            String boundary = "kontor-example";
            return new Call(
                    path, query, headers, "multipart/form-data; boundary=" + boundary, multipart(example, boundary));
        }
        String text = example.isString() ? example.asString() : example.toString();
        return new Call(path, query, headers, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A call the scenario makes that is no operation's example (a second order, a second customer…). */
    private static Call fromStep(JsonNode step) {
        String target = step.get("path").asString();
        String path = target.split("\\?", 2)[0];
        Map<String, String> query = new LinkedHashMap<>();
        if (target.contains("?")) {
            for (String pair : target.substring(target.indexOf('?') + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv[1]);
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        step.path("headers")
                .properties()
                .forEach(h -> headers.put(h.getKey(), h.getValue().asString()));
        return step.has("body")
                ? new Call(
                        path,
                        query,
                        headers,
                        "application/json",
                        step.get("body").toString().getBytes(StandardCharsets.UTF_8))
                : new Call(path, query, headers, null, null);
    }

    private Outcome send(String method, Call call, String token) throws IOException, InterruptedException {
        SimpleRequest.Builder validated = new SimpleRequest.Builder(method.toUpperCase(Locale.ROOT), call.path());
        HttpRequest.Builder http = HttpRequest.newBuilder();
        StringBuilder queryString = new StringBuilder();
        call.query().forEach((name, value) -> {
            queryString
                    .append(queryString.isEmpty() ? "?" : "&")
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            validated.withQueryParam(name, value);
        });
        call.headers().forEach((name, value) -> {
            http.header(name, value);
            validated.withHeader(name, value);
        });
        if (call.contentType() != null) {
            http.header("Content-Type", call.contentType());
            validated.withContentType(call.contentType());
            if (!call.contentType().startsWith("multipart/")) {
                validated.withBody(new String(call.body(), StandardCharsets.UTF_8));
            }
        }
        http.uri(URI.create("http://localhost:" + port + call.path() + queryString))
                .header("Authorization", "Bearer " + token)
                .method(
                        method.toUpperCase(Locale.ROOT),
                        call.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        validated.withAuthorization("Bearer " + token);
        HttpResponse<byte[]> answer = CLIENT.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
        String answerType = answer.headers().firstValue("Content-Type").orElse(null);
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.statusCode());
        if (answerType != null) {
            response.withContentType(answerType);
            response.withBody(
                    answerType.contains("json") || answerType.startsWith("text/") || answerType.contains("xml")
                            ? new String(answer.body(), StandardCharsets.UTF_8)
                            : "binary");
        }
        answer.headers().map().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("content-type")) {
                response.withHeader(name, values);
            }
        });
        return new Outcome(answer.statusCode(), answerType, answer.body(), validated.build(), response.build());
    }

    /** Each field of the example as a form part; a field whose value is text of several lines is a file. */
    private static byte[] multipart(JsonNode example, String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        example.properties().forEach(field -> {
            String disposition = "Content-Disposition: form-data; name=\"" + field.getKey() + "\"";
            if (field.getValue().isArray()) { // files: each one a part
                int n = 0;
                for (JsonNode file : field.getValue()) {
                    String part = disposition + "; filename=\"" + field.getKey() + "-" + ++n
                            + ".csv\"\r\nContent-Type: text/csv";
                    out.writeBytes(("--" + boundary + "\r\n" + part + "\r\n\r\n" + file.asString() + "\r\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
            } else {
                out.writeBytes(("--" + boundary + "\r\n" + disposition + "\r\n\r\n"
                                + field.getValue().asString() + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        });
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /**
     * The answer as the document shows it: JSON with lists cut to two entries, text to its first lines, a PDF to its
     * first bytes.
     */
    private static JsonNode recorded(Outcome outcome) {
        if (outcome.contentType == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (outcome.contentType.contains("json")) {
            return shortened(JSON.readTree(outcome.body));
        }
        if (outcome.contentType.startsWith("text/") || outcome.contentType.contains("xml")) {
            String[] lines = new String(outcome.body, StandardCharsets.UTF_8).split("\n", -1);
            return JsonNodeFactory.instance.stringNode(
                    String.join("\n", List.of(lines).subList(0, Math.min(lines.length, 6))));
        }
        // a PDF: its first line, which says what it is
        return JsonNodeFactory.instance.stringNode(new String(outcome.body, 0, 8, StandardCharsets.ISO_8859_1) + "…");
    }

    private static JsonNode shortened(JsonNode node) {
        if (node.isArray()) {
            ArrayNode cut = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < Math.min(2, node.size()); i++) {
                cut.add(shortened(node.get(i)));
            }
            return cut;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(e -> copy.set(e.getKey(), shortened(e.getValue())));
            return copy;
        }
        return node;
    }
}
