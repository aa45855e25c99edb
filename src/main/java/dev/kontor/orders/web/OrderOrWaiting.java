package dev.kontor.orders.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.kontor.web.PendingApproval;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.modulith.NamedInterface;

/**
 * The two answers of an order command a supervisor may have to approve: 200 with the order as it is now, or 202 with
 * what waits (Location: the approval request).
 */
@NamedInterface("http") // with OrderResponse: what after-sales' API answers with
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(
        responseCode = "200",
        description = "The order as it is now; ETag: its version",
        content = @Content(schema = @Schema(implementation = OrderResponse.class)))
@ApiResponse(
        responseCode = "202",
        description = "Waits for a supervisor: Location is the approval request",
        content = @Content(schema = @Schema(implementation = PendingApproval.class)))
public @interface OrderOrWaiting {}
