package dev.kontor.fields.web;

import java.net.URI;
import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.fields.CustomField;
import dev.kontor.fields.CustomFields;
import dev.kontor.fields.FieldScope;
import dev.kontor.fields.FieldType;
import dev.kontor.shared.Names;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The shop's own order and customer fields over HTTP. */
@RestController
@RequestMapping("/api/custom-fields")
@Tag(name = "Custom fields")
class CustomFieldApiController {

    private final CustomFields fields;

    CustomFieldApiController(CustomFields fields) {
        this.fields = fields;
    }

    @Schema(name = "CustomFieldDefinition")
    record FieldRequest(
            @Schema(example = "deliveryDate", description = "How the API names it; letters and digits, kept for good")
            String key,

            @Schema(example = "{\"en\": \"Delivery date\", \"de\": \"Liefertermin\"}")
            Names names,

            @Schema(example = "DATE", description = "Kept for good once the field exists")
            FieldType type,

            @Schema(description = "For CHOICE: each choice's key and names")
            List<CustomField.Choice> choices,

            @Schema(description = "Every order a person writes must have it")
            Boolean required,

            @Schema(description = "Offered on forms and filters (a retired field keeps its values)")
            Boolean active,

            @Schema(example = "ORDER", description = "Orders (the default) or customers; kept for good")
            FieldScope scope) {

        CustomFields.Definition definition() {
            return new CustomFields.Definition(key, names, type, choices, Boolean.TRUE.equals(required), active, scope);
        }
    }

    @GetMapping
    @Operation(
            summary = "The shop's own order and customer fields, retired ones too, in their order",
            description =
                    "Each with its key, names per language, type, choices, whether it is required, offered, and whether it belongs to orders or customers.")
    List<CustomField> list() {
        return fields.all();
    }

    @ResponseStatus(HttpStatus.CREATED) // documents the status; the ResponseEntity sets it
    @PostMapping
    @Operation(
            summary = "Add a field to orders or customers (admin)",
            description = "422 naming key (letters and digits, unused), names, type or choices.")
    ResponseEntity<CustomField> define(Actor actor, @RequestBody FieldRequest request) {
        CustomField field = fields.define(actor, request.definition());
        return ResponseEntity.created(URI.create("/api/custom-fields/" + field.id()))
                .body(field);
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Rename a field, change its choices, whether it is required or offered (admin)",
            description =
                    "Whether it belongs to orders or customers stays as made. A retired field (active false) is no longer offered, but its values stay on the orders and customers that have them.")
    CustomField change(Actor actor, @PathVariable long id, @RequestBody FieldRequest request) {
        return fields.change(actor, id, request.definition());
    }
}
