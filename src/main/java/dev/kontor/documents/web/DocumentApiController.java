package dev.kontor.documents.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.documents.Document;
import dev.kontor.documents.DocumentContent;
import dev.kontor.documents.DocumentIssuing;
import dev.kontor.documents.DocumentKind;
import dev.kontor.documents.DocumentLinks;
import dev.kontor.documents.DocumentSending;
import dev.kontor.documents.Documents;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.ShopSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Documents over the API: issue from an order, read, download as PDF, credit, void, share. */
@RestController
@Tag(
        name = "Documents",
        description = "Quotes, order confirmations, pro-formas, invoices, credit notes and delivery notes. Issued "
                + "documents never change: a wrong invoice is corrected by a credit note.")
class DocumentApiController {

    private final DocumentIssuing issuing;
    private final Documents documents;
    private final DocumentLinks links;
    private final DocumentSending sending;
    private final ShopSettings shop;

    DocumentApiController(
            DocumentIssuing issuing,
            Documents documents,
            DocumentLinks links,
            DocumentSending sending,
            ShopSettings shop) {
        this.sending = sending;
        this.issuing = issuing;
        this.documents = documents;
        this.links = links;
        this.shop = shop;
    }

    @Schema(name = "IssueDocument")
    record IssueRequest(
            @Schema(example = "INVOICE", requiredMode = Schema.RequiredMode.REQUIRED)
            DocumentKind kind,

            @Schema(example = "de", description = "en, de, zh_CN or nb; default: the customer's language")
            String language) {}

    @Schema(name = "CreditNoteLine")
    record CreditLine(
            @Schema(example = "42", description = "the order line's id")
            long lineId,

            @Schema(example = "1") int quantity) {}

    @Schema(name = "IssueCreditNote")
    record CreditRequest(
            @Schema(description = "units per line to take back; none: everything the invoice still holds")
            List<CreditLine> lines,

            @Schema(example = "one cup arrived broken") String reason) {}

    @Schema(name = "VoidDocument")
    record VoidRequest(
            @Schema(example = "issued for the wrong order", requiredMode = Schema.RequiredMode.REQUIRED)
            String reason) {}

    @Schema(name = "Document")
    record DocumentResponse(
            long id,
            long orderId,
            DocumentKind kind,
            String number,
            Instant issuedAt,
            String issuedBy,
            String language,
            Document.Paper paper,
            String currency,
            @Schema(description = "in minor units") long total,
            String pdfSha256,
            Long correctsId,
            Instant voidedAt,
            String voidReason,
            String pdfUrl,
            DocumentContent content) {}

    @Schema(name = "DocumentLink")
    record LinkResponse(String url, Instant expiresAt) {}

    static DocumentResponse response(Document d) {
        return new DocumentResponse(
                d.id(),
                d.orderId(),
                d.kind(),
                d.number(),
                d.issuedAt(),
                d.issuedBy(),
                d.language(),
                d.paper(),
                d.currency(),
                d.total(),
                d.pdfSha256(),
                d.correctsId(),
                d.voidedAt(),
                d.voidReason(),
                "/api/documents/" + d.id() + "/pdf",
                d.content());
    }

    @ResponseStatus(HttpStatus.CREATED) // documents the status; the ResponseEntity sets it
    @PostMapping("/api/orders/{orderId}/documents")
    @Operation(
            summary = "Issue a document for an order",
            description =
                    "Takes the next number of the kind's gapless series, renders the PDF and keeps both. 409 "
                            + "when the order is void or already invoiced (a credit note frees it), 422 naming what is missing.")
    ResponseEntity<DocumentResponse> issue(
            Actor actor,
            @PathVariable long orderId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @io.swagger.v3.oas.annotations.media.Content(
                                            examples = {
                                                @io.swagger.v3.oas.annotations.media.ExampleObject(
                                                        name = "invoice",
                                                        summary = "An invoice in the customer's language",
                                                        value = "{\"kind\": \"INVOICE\"}"),
                                                @io.swagger.v3.oas.annotations.media.ExampleObject(
                                                        name = "quote",
                                                        summary = "A quote in German",
                                                        value = "{\"kind\": \"QUOTE\", \"language\": \"de\"}")
                                            }))
                    @RequestBody
                    IssueRequest request) {
        if (request == null || request.kind() == null) {
            throw InvalidInputException.of("kind", "validation.required");
        }
        Document d = issuing.issue(actor, orderId, request.kind(), request.language());
        return ResponseEntity.created(URI.create("/api/documents/" + d.id())).body(response(d));
    }

    @GetMapping("/api/orders/{orderId}/documents")
    @Operation(summary = "An order's documents", description = "Oldest first.")
    List<DocumentResponse> ofOrder(Actor actor, @PathVariable long orderId) {
        return documents.ofOrder(actor, orderId).stream()
                .map(DocumentApiController::response)
                .toList();
    }

    @GetMapping("/api/documents")
    @Operation(
            summary = "Documents issued",
            description = "Newest first, of one kind or all, issued from one day to another (the shop's days).")
    List<DocumentResponse> issued(
            Actor actor,
            @RequestParam(required = false) DocumentKind kind,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(defaultValue = "100") int limit) {
        return documents
                .issued(
                        actor,
                        kind,
                        from == null ? null : from.atStartOfDay(shop.timeZone()).toInstant(),
                        to == null
                                ? null
                                : to.plusDays(1).atStartOfDay(shop.timeZone()).toInstant(),
                        limit)
                .stream()
                .map(DocumentApiController::response)
                .toList();
    }

    @GetMapping("/api/documents/{id}")
    @Operation(summary = "A document", description = "What it said when it was issued, and whether it was voided.")
    DocumentResponse get(Actor actor, @PathVariable long id) {
        return response(documents.get(actor, id));
    }

    @GetMapping(value = "/api/documents/{id}/pdf", produces = "application/pdf")
    @Operation(
            summary = "A document's PDF",
            description = "The bytes as issued; the download is in the order's timeline.")
    ResponseEntity<byte[]> pdf(Actor actor, @PathVariable long id) {
        return DocumentHttp.pdf(documents.get(actor, id), documents.pdf(actor, id));
    }

    @GetMapping(value = "/api/documents/{id}/xml", produces = "application/xml")
    @Operation(
            summary = "An invoice's or credit note's e-invoice",
            description = "UN/CEFACT CII XML in the XRechnung profile (default) or EN16931 (`?profile=EN16931`), "
                    + "written from what the document said when it was issued. 409 for other kinds.")
    ResponseEntity<byte[]> xml(Actor actor, @PathVariable long id, @RequestParam(required = false) String profile) {
        return DocumentHttp.xml(documents.get(actor, id), documents.xml(actor, id, profile));
    }

    @ResponseStatus(HttpStatus.CREATED) // documents the status; the ResponseEntity sets it
    @PostMapping("/api/documents/{id}/credit-note")
    @Operation(
            summary = "Issue a credit note for an invoice",
            description = "For some units of its lines or, without lines, for everything it still holds. 422 when a "
                    + "line is credited beyond what was invoiced, 409 for a void or fully credited invoice.")
    ResponseEntity<DocumentResponse> credit(
            Actor actor, @PathVariable long id, @RequestBody(required = false) CreditRequest request) {
        Map<Long, Integer> units = new LinkedHashMap<>();
        if (request != null && request.lines() != null) {
            request.lines().forEach(l -> units.merge(l.lineId(), l.quantity(), Integer::sum));
        }
        Document d = issuing.credit(actor, id, units, request == null ? null : request.reason());
        return ResponseEntity.created(URI.create("/api/documents/" + d.id())).body(response(d));
    }

    @PostMapping("/api/documents/{id}/void")
    @Operation(
            summary = "Void a document",
            description =
                    "Only what was issued by mistake: a paid or credited invoice is corrected by a credit note (409).")
    DocumentResponse voidDocument(
            Actor actor, @PathVariable long id, @RequestBody(required = false) VoidRequest request) {
        return response(issuing.voidDocument(actor, id, request == null ? null : request.reason()));
    }

    @Schema(name = "DocumentSent")
    record SentResponse(@Schema(example = "jana@example.de") String to) {}

    @PostMapping("/api/documents/{id}/send")
    @Operation(
            summary = "Send a document to the customer",
            description =
                    "A mail in the document's language with the PDF attached and a download link; queued, sent "
                            + "when the mail server takes it. 422 when the order has no e-mail address, 409 for a void document.")
    SentResponse send(Actor actor, @PathVariable long id) {
        return new SentResponse(sending.send(actor, id));
    }

    @PostMapping("/api/documents/{id}/link")
    @Operation(
            summary = "A download link for the customer",
            description = "Unguessable, expiring (kontor.documents.link-days) and revocable.")
    LinkResponse link(Actor actor, @PathVariable long id) {
        DocumentLinks.Link link = links.create(actor, id);
        return new LinkResponse(
                ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/d/{token}")
                        .buildAndExpand(link.token())
                        .toUriString(),
                link.expiresAt());
    }
}
