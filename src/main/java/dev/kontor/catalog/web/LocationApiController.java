package dev.kontor.catalog.web;

import java.net.URI;
import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.catalog.Catalog;
import dev.kontor.catalog.Location;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Stock locations over HTTP. */
@RestController
@Tag(name = "Settings")
class LocationApiController {

    private final Catalog catalog;

    LocationApiController(Catalog catalog) {
        this.catalog = catalog;
    }

    @Schema(name = "LocationRequest")
    record LocationRequest(
            @Schema(example = "HZ") String code,
            @Schema(example = "Hangzhou") String name,
            @Schema(example = "CN") String country) {}

    @GetMapping("/api/locations")
    @Operation(
            summary = "List stock locations",
            description = "The default location receives stock when none is named.")
    List<Location> list() {
        return catalog.locations();
    }

    @ResponseStatus(HttpStatus.CREATED) // documents the status; the ResponseEntity sets it
    @PostMapping("/api/locations")
    @Operation(summary = "Add a stock location", description = "Admins only. Code: letters, digits, - and _, up to 20.")
    ResponseEntity<Location> create(Actor actor, @RequestBody LocationRequest request) {
        Location added = catalog.addLocation(actor, request.code(), request.name(), request.country());
        return ResponseEntity.created(URI.create("/api/locations")).body(added);
    }
}
