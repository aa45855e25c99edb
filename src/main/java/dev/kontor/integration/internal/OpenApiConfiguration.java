package dev.kontor.integration.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.kontor.access.Actor;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
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
     * The error answers the API really gives, on every operation, as RFC 9457 problem+json with an example: 401
     * without a valid token, 403 when the roles do not allow it, 404 for an unknown id, 409 when the rules refuse,
     * 412 when {@code If-Match} no longer matches, 422 naming each invalid field.
     */
    @Bean
    OpenApiCustomizer problemAnswers() {
        return openApi -> {
            openApi.getComponents().addSchemas("Problem", problemSchema());
            java.util.Set<String> versioned = new java.util.HashSet<>(); // paths whose changes take If-Match
            openApi.getPaths()
                    .forEach((path, item) -> item.readOperationsMap().values().forEach(operation -> {
                        if (operation.getParameters() != null
                                && operation.getParameters().stream()
                                        .anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()))) {
                            versioned.add(path);
                        }
                    }));
            openApi.getPaths()
                    .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                        if (!path.startsWith("/api/")) {
                            return;
                        }
                        ApiResponses responses = operation.getResponses();
                        add(
                                responses,
                                "401",
                                "Unauthorized",
                                "Send a valid API token as 'Authorization: Bearer <token>'.");
                        add(responses, "403", "Forbidden", "Your roles do not allow this (approve orders).");
                        if (path.contains("{")) {
                            add(responses, "404", "Not Found", "No order 42.");
                        }
                        if (method != PathItem.HttpMethod.GET) {
                            add(responses, "409", "Conflict", "An order that is shipped cannot be voided.");
                            add(responses, "422", "Unprocessable Content", "One field is not valid: lines[0].quantity");
                        }
                        boolean ifMatch = operation.getParameters() != null
                                && operation.getParameters().stream()
                                        .anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()));
                        if (ifMatch) {
                            add(responses, "412", "Precondition Failed", "Ingrid changed this order meanwhile.");
                        }
                        boolean keyed = operation.getParameters() != null
                                && operation.getParameters().stream()
                                        .anyMatch(p -> "Idempotency-Key".equalsIgnoreCase(p.getName()));
                        if (method == PathItem.HttpMethod.POST && !keyed) {
                            operation.addParametersItem(new HeaderParameter()
                                    .name("Idempotency-Key")
                                    .required(false)
                                    .description("Your unique key for this call (a UUID): a retry with the same key "
                                            + "and body gets the first answer again instead of doing it twice; the "
                                            + "same key with another body is a 422.")
                                    .schema(new StringSchema()
                                            .maxLength(200)
                                            .example("5f0c1e2a-4f5b-4d43-9c4e-1d2b3c4d5e6f")));
                        }
                        if (ifMatch || versioned.contains(path) && method == PathItem.HttpMethod.GET) {
                            for (String ok : new String[] {"200", "201"}) {
                                ApiResponse answer = responses.get(ok);
                                if (answer != null) {
                                    answer.addHeaderObject(
                                            "ETag",
                                            new Header()
                                                    .description("The version you read: send it back as If-Match "
                                                            + "when you change this")
                                                    .schema(new StringSchema().example("\"3\"")));
                                }
                            }
                        }
                    }));
        };
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
                .addProperty("errors", new ArraySchema().items(error));
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
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
