package dev.kontor.calendar.web;

import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.calendar.Holiday;
import dev.kontor.calendar.WorkingDays;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The holiday calendar over HTTP. */
@RestController
@RequestMapping("/api/calendar/holidays")
@Tag(name = "Settings")
class HolidayApiController {

    private final WorkingDays workingDays;

    HolidayApiController(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    @GetMapping
    @Operation(summary = "List holidays", description = "All countries, or one (ISO 3166 code).")
    List<Holiday> list(@RequestParam(required = false) String country) {
        return workingDays.holidays(country);
    }

    @Schema(name = "HolidayRequest")
    record HolidayRequest(
            @Schema(example = "Reformationstag") String name) {}

    @PutMapping("/{country}/{day}")
    @Operation(summary = "Add or rename a holiday", description = "Admins only. Day as yyyy-MM-dd.")
    Holiday put(
            Actor actor, @PathVariable String country, @PathVariable String day, @RequestBody HolidayRequest request) {
        return workingDays.addHoliday(
                actor, country, HolidayController.parse(day), request == null ? null : request.name());
    }

    @ResponseStatus(HttpStatus.NO_CONTENT) // documents the status; the ResponseEntity sets it
    @DeleteMapping("/{country}/{day}")
    @Operation(summary = "Remove a holiday", description = "Admins only.")
    ResponseEntity<Void> delete(Actor actor, @PathVariable String country, @PathVariable String day) {
        workingDays.removeHoliday(actor, country, HolidayController.parse(day));
        return ResponseEntity.noContent().build();
    }
}
