package dev.kontor.payments.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.documents.Mail;
import dev.kontor.payments.Payment;
import dev.kontor.payments.PaymentKind;
import dev.kontor.payments.PaymentLink;
import dev.kontor.payments.PaymentLinkStatus;
import dev.kontor.payments.PaymentLinks;
import dev.kontor.payments.PaymentRequest;
import dev.kontor.payments.PaymentState;
import dev.kontor.payments.Payments;
import dev.kontor.payments.RefundLine;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Payments and refunds of an order. */
@RestController
@RequestMapping("/api/orders/{orderId}")
@Tag(name = "Payments", description = "Money received and given back; the order's payment status follows.")
class PaymentApiController {

    private final Payments payments;
    private final PaymentLinks links;
    private final Mail mail;

    PaymentApiController(Payments payments, PaymentLinks links, Mail mail) {
        this.payments = payments;
        this.links = links;
        this.mail = mail;
    }

    @Schema(name = "PaymentLink")
    record LinkResponse(
            String url,
            PaymentLinkStatus status,
            boolean usable,
            Instant expiresAt,
            String language,
            String closedReason) {}

    private LinkResponse response(PaymentLink link) {
        return new LinkResponse(
                link.url(mail.publicUrl()),
                link.status(),
                link.usableAt(Instant.now()),
                link.expiresAt(),
                link.language(),
                link.closedReason());
    }

    @PostMapping("/invoice")
    @Operation(
            summary = "Send a draft's invoice",
            description =
                    "E-mails the customer, in their language, the order's "
                            + "summary and a payment link (made if the draft has no open one). The mail is queued: it goes out when "
                            + "the mail server takes it. 409 unless the order is a draft that could be submitted, 422 without an e-mail.")
    LinkResponse sendInvoice(Actor actor, @PathVariable long orderId) {
        return response(links.sendInvoice(actor, orderId));
    }

    @PostMapping("/payment-link")
    @Operation(summary = "Get a draft's payment link", description = "The open link, or a new one, to share in a chat.")
    LinkResponse paymentLink(Actor actor, @PathVariable long orderId) {
        return response(links.linkFor(actor, orderId));
    }

    @GetMapping("/payment-link")
    @Operation(summary = "The order's latest payment link", description = "404 when it never had one.")
    ResponseEntity<LinkResponse> latestLink(Actor actor, @PathVariable long orderId) {
        return links.latest(actor, orderId)
                .map(l -> ResponseEntity.ok(response(l)))
                .orElse(ResponseEntity.notFound().build());
    }

    @Schema(name = "PaymentRequest")
    record MoneyRequest(
            @Schema(example = "26800", description = "Minor units")
            Long amount,

            @Schema(example = "CNY") String currency,
            @Schema(example = "ALIPAY") String method,
            @Schema(example = "2026112322001412345678") String reference,
            Instant occurredAt,

            @Schema(example = "SUCCEEDED", description = "SUCCEEDED (default) or PENDING")
            PaymentState state,

            @Schema(
                    description = "Refunds only: which lines, how many units, and what becomes of the goods "
                            + "(RESTOCK, DEFECTIVE, NONE); the amount defaults to the lines' value")
            List<RefundLine> lines) {
        PaymentRequest as(PaymentKind kind) {
            return new PaymentRequest(kind, amount, currency, method, reference, occurredAt, state, lines);
        }
    }

    @ResponseStatus(HttpStatus.CREATED) // documents the status; the ResponseEntity sets it
    @PostMapping("/payments")
    @Operation(
            summary = "Record a payment",
            description = "Refused (409) above what is still owed or on a cancelled order.")
    ResponseEntity<Payment> pay(Actor actor, @PathVariable long orderId, @RequestBody MoneyRequest request) {
        Payment payment = payments.record(actor, orderId, request.as(PaymentKind.PAYMENT));
        return ResponseEntity.created(URI.create("/api/orders/" + orderId + "/payments/" + payment.id()))
                .body(payment);
    }

    @ResponseStatus(HttpStatus.CREATED) // documents the status; the ResponseEntity sets it
    @PostMapping("/refunds")
    @Operation(summary = "Record a refund", description = "In the currency that was paid; never above what was paid.")
    ResponseEntity<Payment> refund(Actor actor, @PathVariable long orderId, @RequestBody MoneyRequest request) {
        Payment payment = payments.record(actor, orderId, request.as(PaymentKind.REFUND));
        return ResponseEntity.created(URI.create("/api/orders/" + orderId + "/payments/" + payment.id()))
                .body(payment);
    }

    record SettleRequest(@Schema(example = "SUCCEEDED") PaymentState state) {}

    @PostMapping("/payments/{paymentId}/settle")
    @Operation(
            summary = "Settle a pending payment",
            description = "The money arrived (SUCCEEDED) or will not (FAILED).")
    Payment settle(
            Actor actor, @PathVariable long orderId, @PathVariable long paymentId, @RequestBody SettleRequest request) {
        return payments.settle(actor, orderId, paymentId, request.state());
    }

    @GetMapping("/payments")
    @Operation(
            summary = "The order's payments and refunds",
            description =
                    "Each with its amount, currency, method, state (initiated, pending, received, failed, unknown), reference and who recorded it.")
    List<Payment> list(Actor actor, @PathVariable long orderId) {
        return payments.of(actor, orderId);
    }
}
