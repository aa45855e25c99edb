package dev.kontor.integration.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.kontor.access.Actor;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's description at {@code /v3/api-docs}, browsable at {@code /api-docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // the signed-in user, resolved from the token: no client sends it (issue 19)
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    /**
     * Operation ids a generated client can use, stable and unique: the handler's name and its resource
     * ({@code OrderApiController#create} → {@code createOrder}, {@code PipelineApiController#board} →
     * {@code boardPipeline}), instead of springdoc's {@code create_3}.
     */
    @Bean
    OperationCustomizer operationIds() {
        return (operation, handler) -> {
            String resource = handler.getBeanType().getSimpleName().replaceAll("(Api)?Controller$", "");
            return operation.operationId(handler.getMethod().getName() + resource);
        };
    }

    /**
     * A Java {@code Object} (a message's arguments, a custom field's value) is any JSON value, not an object:
     * springdoc writes it as {@code type: object}, which a validator holds a string or a number against.
     */
    @Bean
    OpenApiCustomizer anyValues() {
        return openApi -> {
            if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
                openApi.getComponents().getSchemas().values().forEach(OpenApiConfiguration::anyValuesIn);
            }
        };
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void anyValuesIn(Schema schema) {
        if (schema.getProperties() != null) {
            schema.getProperties().replaceAll((name, property) -> anyValue((Schema) property));
            schema.getProperties().values().forEach(property -> anyValuesIn((Schema) property));
        }
        if (schema.getItems() != null) {
            schema.setItems(anyValue(schema.getItems()));
            anyValuesIn(schema.getItems());
        }
        if (schema.getAdditionalProperties() instanceof Schema additional) {
            schema.setAdditionalProperties(anyValue(additional));
            anyValuesIn(additional);
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema anyValue(Schema schema) {
        boolean bareObject = "object".equals(schema.getType())
                && schema.get$ref() == null
                && schema.getProperties() == null
                && schema.getAdditionalProperties() == null
                && schema.getAllOf() == null
                && schema.getOneOf() == null;
        return bareObject ? new Schema<>().description(schema.getDescription()) : schema;
    }

    /** Tags the controllers name without describing them, and what they group. */
    private static final Map<String, String> TAGS = Map.of(
            "Customers",
                    "Customers with their contacts, addresses, contact persons and own fields; merging, blacklisting.",
            "Catalog and stock", "Products and their variants, prices, stock per location, its ledger and its check.",
            "Purchasing", "What to buy: the purchasing list, and notes to purchasing.",
            "Pipelines",
                    "Sales pipelines: stages within the order's lifecycle, the board, moving orders between stages.",
            "Activities", "Calls, meetings, tasks and mails, planned or logged, on orders and customers.",
            "Custom fields", "The shop's own fields on orders and customers (docs/custom-fields.md).",
            "Settings", "What admins set up once: locations, carriers, holidays, the import review rules.",
            "Webhooks",
                    "The order's events posted, signed, to your HTTPS endpoint: retries, dead letters, replay (docs/webhooks.md).",
            "Events", "The order's events in commit order, for integrators who poll (docs/events.md).",
            "Channels", "The marketplaces' daily confirmation files to upload (docs/channels.md).");

    /** Every tag an operation names is described, and the tags are in alphabetical order. */
    @Bean
    OpenApiCustomizer tagDescriptions() {
        return openApi -> {
            Map<String, io.swagger.v3.oas.models.tags.Tag> tags = new java.util.TreeMap<>();
            if (openApi.getTags() != null) {
                openApi.getTags().forEach(tag -> tags.put(tag.getName(), tag));
            }
            openApi.getPaths()
                    .values()
                    .forEach(item -> item.readOperations().forEach(operation -> {
                        if (operation.getTags() != null) {
                            operation
                                    .getTags()
                                    .forEach(name -> tags.computeIfAbsent(
                                            name,
                                            n -> new io.swagger.v3.oas.models.tags.Tag()
                                                    .name(n)
                                                    .description(TAGS.get(n))));
                        }
                    }));
            openApi.setTags(new java.util.ArrayList<>(tags.values()));
        };
    }

    /** A request and its answer on every operation, from one scenario (see {@link OpenApiExamples}). */
    @Bean
    OpenApiCustomizer examples() {
        return new OpenApiExamples();
    }

    /**
     * The error answers the API really gives, on every operation, as RFC 9457 problem+json with an example: 401
     * without a valid token, 403 when the roles do not allow it, 404 for an unknown id, 409 when the rules refuse,
     * 412 when {@code If-Match} no longer matches, 422 naming each invalid field.
     */
    @Bean
    OpenApiCustomizer problemAnswers() {
        return openApi -> {
            openApi.getComponents().addSchemas("Problem", problemSchema());
            Set<String> versioned = new HashSet<>(); // paths whose changes take If-Match
            openApi.getPaths()
                    .forEach((path, item) -> item.readOperationsMap().values().forEach(operation -> {
                        if (operation.getParameters() != null
                                && operation.getParameters().stream()
                                        .anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()))) {
                            versioned.add(path);
                        }
                    }));
            openApi.getPaths()
                    .forEach((path, item) -> item.readOperationsMap()
                            .forEach((method, operation) -> describe(path, method, operation, versioned)));
        };
    }

    /** One operation's error answers, its Idempotency-Key and its ETag header. */
    private static void describe(String path, PathItem.HttpMethod method, Operation operation, Set<String> versioned) {
        if (!path.startsWith("/api/")) {
            return;
        }
        ApiResponses responses = operation.getResponses();
        ApiResponse noContent = responses.get("204");
        if (noContent != null) {
            noContent.setContent(null); // a 204 has no body, whatever the handler's type says
        }
        add(responses, "401", "Unauthorized", "Send a valid API token as 'Authorization: Bearer <token>'.");
        add(responses, "403", "Forbidden", "Your roles do not allow this (approve orders).");
        if (path.contains("{")) {
            add(responses, "404", "Not Found", "No order 42.");
        }
        if (method == PathItem.HttpMethod.GET
                && operation.getParameters() != null
                && !operation.getParameters().isEmpty()) {
            add(responses, "422", "Unprocessable Content", "One field is not valid: after");
        }
        if (operation.getRequestBody() != null) {
            add(responses, "400", "Bad Request", "The value of \"lines[0].quantity\" has the wrong type.");
        }
        if (method != PathItem.HttpMethod.GET) {
            add(responses, "409", "Conflict", "An order that is shipped cannot be voided.");
            add(responses, "422", "Unprocessable Content", "One field is not valid: lines[0].quantity");
        }
        boolean ifMatch = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()));
        if (ifMatch) {
            add(responses, "412", "Precondition Failed", "Ingrid changed this order meanwhile.");
        }
        boolean keyed = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "Idempotency-Key".equalsIgnoreCase(p.getName()));
        if (method == PathItem.HttpMethod.POST && !keyed) {
            operation.addParametersItem(new HeaderParameter()
                    .name("Idempotency-Key")
                    .required(false)
                    .description("Your unique key for this call (a UUID): a retry with the same key "
                            + "and body gets the first answer again instead of doing it twice; the "
                            + "same key with another body is a 422.")
                    .schema(new StringSchema().maxLength(200).example("5f0c1e2a-4f5b-4d43-9c4e-1d2b3c4d5e6f")));
        }
        if (ifMatch || versioned.contains(path) && method == PathItem.HttpMethod.GET) {
            for (String ok : new String[] {"200", "201"}) {
                ApiResponse answer = responses.get(ok);
                if (answer != null) {
                    answer.addHeaderObject(
                            "ETag",
                            new Header()
                                    .description(
                                            "The version you read: send it back as If-Match " + "when you change this")
                                    .schema(new StringSchema().example("\"3\"")));
                }
            }
        }
    }

    private static void add(ApiResponses responses, String status, String title, String detail) {
        if (responses.containsKey(status)) {
            return;
        }
        Map<String, Object> example = new LinkedHashMap<>();
        example.put(
                "type",
                "https://kontor.dev/problems/"
                        + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        example.put("title", title);
        example.put("status", Integer.valueOf(status));
        example.put("detail", detail);
        example.put("instance", "/api/orders/42");
        responses.addApiResponse(
                status,
                new ApiResponse()
                        .description(title)
                        .content(new Content()
                                .addMediaType(
                                        "application/problem+json",
                                        new MediaType()
                                                .schema(new Schema<>().$ref("#/components/schemas/Problem"))
                                                .example(example))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<?> error = new ObjectSchema()
                .addProperty("field", new StringSchema().example("lines[0].quantity"))
                .addProperty("message", new StringSchema().example("Must be at least 1."))
                .addProperty("code", new StringSchema().example("validation.positive"));
        return new ObjectSchema()
                .description("RFC 9457 problem details; 422 lists each invalid field in errors")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(error))
                .addProperty(
                        "field",
                        new StringSchema()
                                .description("400: the field whose value could not be read")
                                .example("lines[0].quantity"))
                .addProperty(
                        "action",
                        new StringSchema()
                                .description("409: the refused action")
                                .example("void"))
                .addProperty(
                        "state",
                        new StringSchema()
                                .description("409: the state that refuses it")
                                .example("SHIPPED"))
                .addProperty(
                        "reason",
                        new StringSchema()
                                .description("409: why, as a message key")
                                .example("order.refused.shipped"))
                .addProperty(
                        "permission",
                        new StringSchema()
                                .description("403: the permission it needs")
                                .example("ORDER_APPROVE"))
                .addProperty(
                        "currentVersion",
                        new IntegerSchema()
                                .description("412: the version now stored")
                                .example(4))
                .addProperty(
                        "changedBy",
                        new StringSchema()
                                .description("412: who changed it meanwhile")
                                .example("Ingrid Berg"));
    }

    @Bean
    OpenAPI kontorOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Kontor API")
                        .version("v1")
                        .description("""
                                Orders, customers, payments and shipments of a Kontor back office.

                                * Authenticate with `Authorization: Bearer <token>`. Get a token with HTTP Basic: \
                                `curl -u admin:… -X POST /api/tokens -d '{"name":"my-script"}' -H 'Content-Type: application/json'`.
                                * Amounts are integers in the currency's minor unit (cents, fen, øre).
                                * Send `Idempotency-Key` on creating calls to retry them safely; send `If-Match` \
                                with the ETag you read on updates (412 when someone changed it meanwhile).
                                * Errors are RFC 9457 `application/problem+json`; 422 lists each invalid field in `errors`.""")
                        .contact(new io.swagger.v3.oas.models.info.Contact().name("Kontor's maintainers"))
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
