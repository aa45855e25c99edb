package dev.kontor.crm.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.crm.Activities;
import dev.kontor.crm.Activity;
import dev.kontor.crm.ActivityKind;
import dev.kontor.crm.CallDirection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Planned activities over HTTP. */
@RestController
@RequestMapping("/api/activities")
@Tag(name = "Activities")
class ActivityApiController {

    private final Activities activities;

    ActivityApiController(Activities activities) {
        this.activities = activities;
    }

    @Schema(name = "ActivityPlan")
    record PlanRequest(
            @Schema(
                    example = "order",
                    allowableValues = {"order", "customer"})
            String subjectType,

            @Schema(example = "42") Long subjectId,
            @Schema(example = "CALL") ActivityKind kind,
            @Schema(example = "2026-12-07T09:00:00Z") Instant dueAt,

            @Schema(description = "The colleague to do it; yourself when left out")
            Long responsibleId,

            @Schema(example = "Ask whether the delivery date holds")
            String note) {}

    @ResponseStatus(HttpStatus.CREATED) // documents the status; the ResponseEntity sets it
    @PostMapping
    @Operation(
            summary = "Plan a call, meeting, task or e-mail on an order or a customer",
            description = "Due from now on; 422 naming the field otherwise. Written to the order's or customer's "
                    + "timeline.")
    ResponseEntity<Activity> plan(Actor actor, @RequestBody PlanRequest request) {
        Activity planned = activities.plan(
                actor,
                new Activities.Plan(
                        request.subjectType(),
                        request.subjectId(),
                        request.kind(),
                        request.dueAt(),
                        request.responsibleId(),
                        request.note()));
        return ResponseEntity.created(URI.create("/api/activities/" + planned.id()))
                .body(planned);
    }

    @GetMapping
    @Operation(
            summary = "Activities",
            description = "Without parameters your open ones, the earliest due first; with subjectType and subjectId "
                    + "those of an order or a customer.")
    List<Activity> list(
            Actor actor,
            @RequestParam(required = false) String subjectType,
            @RequestParam(required = false) Long subjectId) {
        return subjectType == null || subjectId == null
                ? activities.mine(actor)
                : activities.of(actor, subjectType, subjectId);
    }

    @Schema(name = "LoggedCall")
    record CallRequest(
            @Schema(
                    example = "customer",
                    allowableValues = {"order", "customer"})
            String subjectType,

            @Schema(example = "42") Long subjectId,
            @Schema(example = "INBOUND") CallDirection direction,
            @Schema(example = "6") Integer minutes,

            @Schema(example = "Wants the blue one instead; I changed the order")
            String outcome) {}

    @ResponseStatus(HttpStatus.CREATED) // documents the status; the ResponseEntity sets it
    @PostMapping("/calls")
    @Operation(
            summary = "Log a call that happened",
            description = "Who called whom, how many minutes, what came of it: done at once and in the timeline.")
    ResponseEntity<Activity> logCall(Actor actor, @RequestBody CallRequest request) {
        Activity logged = activities.logCall(
                actor,
                new Activities.Call(
                        request.subjectType(),
                        request.subjectId(),
                        request.direction(),
                        request.minutes(),
                        request.outcome()));
        return ResponseEntity.created(URI.create("/api/activities/" + logged.id()))
                .body(logged);
    }

    @Schema(name = "ActivityOutcome")
    record DoneRequest(
            @Schema(example = "Called: the date holds") String outcome) {}

    @PostMapping("/{id}/done")
    @Operation(summary = "Complete an activity with its outcome", description = "The outcome goes into the timeline.")
    Activity done(Actor actor, @PathVariable long id, @RequestBody DoneRequest request) {
        return activities.complete(actor, id, request == null ? null : request.outcome());
    }
}
