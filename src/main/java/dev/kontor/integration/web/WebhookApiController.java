package dev.kontor.integration.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.integration.Webhooks;
import dev.kontor.integration.internal.WebhookRepository.Delivery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Webhooks over HTTP (docs/webhooks.md): for admins and supervisors. */
@RestController
@RequestMapping("/api/webhooks")
@Tag(name = "Webhooks")
class WebhookApiController {

    private final Webhooks webhooks;

    WebhookApiController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Schema(name = "WebhookRequest")
    record WebhookRequest(
            @Schema(example = "https://erp.example.com/kontor/events", description = "An absolute https:// URL")
            String url,

            @Schema(example = "ERP: payments and shipments") String description,

            @Schema(
                    example = "[\"order.paid\", \"order.shipped\"]",
                    description = "The event types to receive (docs/events.md); none: every type")
            List<String> eventTypes) {

        Webhooks.Definition definition() {
            return new Webhooks.Definition(url, description, eventTypes);
        }
    }

    @Schema(name = "WebhookReplay")
    record ReplayRequest(
            @Schema(example = "1041", description = "Send again the events after this cursor")
            Long after,

            @Schema(description = "Or: send again the events from this time on")
            Instant since) {}

    @Schema(name = "WebhookReplayed")
    record Replayed(@Schema(example = "12") int deliveries) {}

    @GetMapping
    @Operation(
            summary = "The webhooks, with how many deliveries wait, went out, are dead",
            description = "Every webhook of the shop, newest first, with its delivery counts per status.")
    List<Webhooks.Webhook> list(Actor actor) {
        return webhooks.all(actor);
    }

    @ResponseStatus(HttpStatus.CREATED) // documents the status; the ResponseEntity sets it
    @PostMapping
    @Operation(
            summary = "Subscribe an endpoint to the order's events",
            description = "Answers the webhook and its signing secret, shown this once. 422 naming url (not https, "
                    + "a private or local address, unknown host) or eventTypes (an unknown type).")
    ResponseEntity<Webhooks.WithSecret> subscribe(Actor actor, @RequestBody WebhookRequest request) {
        Webhooks.WithSecret made = webhooks.subscribe(actor, request.definition());
        return ResponseEntity.created(
                        URI.create("/api/webhooks/" + made.webhook().id()))
                .body(made);
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "A webhook",
            description =
                    "Its URL, description, event types, whether it is on, who made it and when, and its deliveries counted per status. The secret is shown only when it is made or rotated.")
    Webhooks.Webhook get(Actor actor, @PathVariable long id) {
        return webhooks.get(actor, id);
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Change a webhook's URL, description or event types",
            description =
                    "The URL is checked as when subscribing (public HTTPS, no private addresses). Deliveries already waiting keep going to the new URL.")
    Webhooks.Webhook change(Actor actor, @PathVariable long id, @RequestBody WebhookRequest request) {
        return webhooks.change(actor, id, request.definition());
    }

    @ResponseStatus(HttpStatus.NO_CONTENT) // documents the status; the ResponseEntity sets it
    @DeleteMapping("/{id}")
    @Operation(
            summary = "Delete a webhook and its deliveries",
            description =
                    "Nothing more is sent to it; its waiting and dead deliveries are deleted with it. To pause instead, turn it off.")
    ResponseEntity<Void> delete(Actor actor, @PathVariable long id) {
        webhooks.delete(actor, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/rotate-secret")
    @Operation(
            summary = "Give a webhook a new secret",
            description = "Answers the new secret, shown this once. For a day deliveries carry a signature with the "
                    + "old secret too, while the receiver moves over.")
    Webhooks.WithSecret rotate(Actor actor, @PathVariable long id) {
        return webhooks.rotate(actor, id);
    }

    @PostMapping("/{id}/enable")
    @Operation(
            summary = "Turn a webhook on (again); what waits is sent",
            description =
                    "A webhook turned off after persistent failure, or by an admin, sends again from its oldest waiting delivery, each order's in their order.")
    Webhooks.Webhook enable(Actor actor, @PathVariable long id) {
        return webhooks.enable(actor, id);
    }

    @PostMapping("/{id}/disable")
    @Operation(
            summary = "Turn a webhook off; its events wait",
            description =
                    "Nothing is sent while it is off; turned on again, it is sent the events since, in order (or replay from a cursor).")
    Webhooks.Webhook disable(Actor actor, @PathVariable long id) {
        return webhooks.disable(actor, id);
    }

    @GetMapping("/{id}/deliveries")
    @Operation(
            summary = "A webhook's deliveries, newest first",
            description = "status=DEAD: the dead letters, each with its last error, response code and the start of "
                    + "the response body.")
    List<Delivery> deliveries(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "50") int limit) {
        return webhooks.deliveries(actor, id, status, limit);
    }

    @PostMapping("/{id}/replay")
    @Operation(
            summary = "Send a webhook's events again",
            description = "From a cursor (the events after it) or a time (the events from then on), as new "
                    + "deliveries. 422 naming after for a cursor Kontor never gave.")
    Replayed replay(Actor actor, @PathVariable long id, @RequestBody ReplayRequest request) {
        return new Replayed(webhooks.replay(
                actor, id, request == null ? null : request.after(), request == null ? null : request.since()));
    }
}
