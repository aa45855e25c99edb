package dev.kontor.crm.web;

import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.crm.CustomerMails;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Writing to the order's customer over HTTP. */
@RestController
@Tag(name = "Activities")
class CustomerMailApiController {

    private final CustomerMails mails;

    CustomerMailApiController(CustomerMails mails) {
        this.mails = mails;
    }

    @Schema(name = "CustomerMail")
    record MailRequest(
            @Schema(example = "Your delivery date") String subject,

            @Schema(example = "The blue one is back in stock on Friday; we ship it then.")
            String body) {}

    @ResponseStatus(HttpStatus.ACCEPTED) // documents the status; the ResponseEntity sets it
    @PostMapping("/api/orders/{id}/mails")
    @Operation(
            summary = "Write to the order's customer",
            description = "Sent through the mail outbox to the order's e-mail address, in the customer's language; "
                    + "the order's timeline keeps the subject and the body. 409 when the order has no e-mail address.")
    ResponseEntity<Map<String, String>> writeOverApi(
            Actor actor, @PathVariable long id, @RequestBody MailRequest request) {
        String to = mails.write(actor, id, request.subject(), request.body());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("to", to));
    }
}
