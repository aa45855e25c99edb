package dev.kontor.imports.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.imports.ImportMappings;
import dev.kontor.imports.read.ImportMapping;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The shop's column mappings for other systems' exports, over HTTP. */
@RestController
@Tag(name = "Imports")
class ImportMappingApiController {

    private final ImportMappings mappings;

    ImportMappingApiController(ImportMappings mappings) {
        this.mappings = mappings;
    }

    /**
     * A mapping to save.
     *
     * @param header the file's columns
     * @param columns Kontor field → the file's column; fields: externalId, placedAt, buyer, email, phone, street,
     *     postalCode, city, region, country, currency, shipping, total, paid, sku, name, quantity, unitPrice
     *     (externalId, name, quantity and unitPrice required)
     */
    record MappingRequest(
            String name, String channel, String currency, List<String> header, Map<String, String> columns) {}

    @GetMapping("/api/imports/mappings")
    @Operation(
            summary = "The saved column mappings",
            description =
                    "Mappings of a spreadsheet's columns to order fields, for files Kontor does not know by their header.")
    List<ImportMapping> all(Actor actor) {
        return mappings.all(actor);
    }

    @ResponseStatus(HttpStatus.CREATED) // documents the status; the ResponseEntity sets it
    @PostMapping("/api/imports/mappings")
    @Operation(
            summary = "Save a column mapping",
            description = "From then on, an uploaded file whose header has every mapped column is read through it.")
    ResponseEntity<ImportMapping> save(Actor actor, @RequestBody MappingRequest request) {
        ImportMapping saved = mappings.save(
                actor, request.name(), request.channel(), request.currency(), request.header(), request.columns());
        return ResponseEntity.created(URI.create("/api/imports/mappings/" + saved.id()))
                .body(saved);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT) // documents the status; the ResponseEntity sets it
    @DeleteMapping("/api/imports/mappings/{id}")
    @Operation(summary = "Delete a column mapping", description = "Imports read through it keep their results.")
    ResponseEntity<Void> delete(Actor actor, @PathVariable long id) {
        mappings.delete(actor, id);
        return ResponseEntity.noContent().build();
    }
}
