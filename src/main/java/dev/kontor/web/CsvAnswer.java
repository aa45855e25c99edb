package dev.kontor.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * An API download answered as CSV by writing to the response (the handler returns nothing, so the API's description
 * would otherwise show an empty answer).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(
        responseCode = "200",
        description = "CSV, UTF-8, a header row first",
        content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
public @interface CsvAnswer {}
