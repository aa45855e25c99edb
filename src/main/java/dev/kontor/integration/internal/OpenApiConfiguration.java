package dev.kontor.integration.internal;

import dev.kontor.access.Actor;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
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
