package dev.kontor.documents.web;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.bulk.BulkJobs;
import dev.kontor.documents.Document;
import dev.kontor.documents.DocumentIssuing;
import dev.kontor.documents.DocumentLinks;
import dev.kontor.documents.DocumentSending;
import dev.kontor.documents.Documents;
import dev.kontor.documents.SignedDocuments;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.KontorException;
import dev.kontor.web.Messages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The order page's document forms, and the PDF download for colleagues. */
@Controller
class DocumentController {

    private final DocumentIssuing issuing;
    private final Documents documents;
    private final DocumentLinks links;
    private final DocumentSending sending;
    private final BulkJobs bulkJobs;
    private final SignedDocuments signed;
    private final Messages messages;

    DocumentController(
            DocumentIssuing issuing,
            Documents documents,
            DocumentLinks links,
            DocumentSending sending,
            BulkJobs bulkJobs,
            SignedDocuments signed,
            Messages messages) {
        this.signed = signed;
        this.bulkJobs = bulkJobs;
        this.sending = sending;
        this.issuing = issuing;
        this.documents = documents;
        this.links = links;
        this.messages = messages;
    }

    @PostMapping("/orders/{id}/documents")
    String issue(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String language,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            Document d = issuing.issue(actor, id, DocumentHttp.kind(kind), language);
            return messages.get("document.done.issued", messages.label(d.kind()), d.number());
        });
    }

    /** A credit note: {@code credit_<lineId>} units of each line (all empty: everything left), a reason. */
    @PostMapping("/documents/{documentId}/credit")
    String credit(
            Actor actor,
            @PathVariable long documentId,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        Document invoice = documents.get(actor, documentId);
        return act(invoice.orderId(), redirect, () -> {
            Map<Long, Integer> units = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : form.entrySet()) {
                if (e.getKey().startsWith("credit_")
                        && e.getValue() != null
                        && !e.getValue().isBlank()) {
                    long line = Long.parseLong(e.getKey().substring("credit_".length()));
                    try {
                        units.put(line, Integer.parseInt(e.getValue().strip()));
                    } catch (NumberFormatException bad) {
                        throw InvalidInputException.of("lines[" + line + "].quantity", "validation.whole-number");
                    }
                }
            }
            Document d = issuing.credit(actor, documentId, units, form.get("reason"));
            return messages.get("document.done.issued", messages.label(d.kind()), d.number());
        });
    }

    @PostMapping("/documents/{documentId}/void")
    String voidDocument(
            Actor actor,
            @PathVariable long documentId,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        Document document = documents.get(actor, documentId);
        return act(document.orderId(), redirect, () -> {
            Document d = issuing.voidDocument(actor, documentId, reason);
            return messages.get("document.done.voided", d.number());
        });
    }

    @PostMapping("/documents/{documentId}/link")
    String link(Actor actor, @PathVariable long documentId, HttpServletRequest request, RedirectAttributes redirect) {
        Document document = documents.get(actor, documentId);
        return act(document.orderId(), redirect, () -> {
            DocumentLinks.Link link = links.create(actor, documentId);
            redirect.addFlashAttribute(
                    "documentLink",
                    ServletUriComponentsBuilder.fromContextPath(request)
                            .path("/d/{token}")
                            .buildAndExpand(link.token())
                            .toUriString());
            redirect.addFlashAttribute("documentLinkFor", documentId);
            return messages.get("document.done.link", document.number());
        });
    }

    @PostMapping("/documents/{documentId}/send")
    String send(Actor actor, @PathVariable long documentId, RedirectAttributes redirect) {
        Document document = documents.get(actor, documentId);
        return act(document.orderId(), redirect, () -> {
            String to = sending.send(actor, documentId);
            return messages.get("document.done.sent", document.number(), to);
        });
    }

    @PostMapping("/documents/{documentId}/revoke")
    String revoke(Actor actor, @PathVariable long documentId, RedirectAttributes redirect) {
        Document document = documents.get(actor, documentId);
        return act(document.orderId(), redirect, () -> {
            int revoked = links.revoke(actor, documentId);
            return messages.get("document.done.revoked", document.number(), revoked);
        });
    }

    /** "Print invoices": the invoices of the orders a bulk job did, as one PDF (at most 2,000). */
    @GetMapping("/orders/bulk/{jobId}/invoices.pdf")
    ResponseEntity<byte[]> invoices(Actor actor, @PathVariable long jobId) {
        byte[] pdf = documents.invoicesPdf(actor, bulkJobs.done(actor, jobId, 2000));
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(
                        org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.inline()
                                .filename("invoices-" + jobId + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }

    /** The e-invoice (XRechnung, or {@code ?profile=EN16931}) of an invoice or credit note. */
    @GetMapping("/documents/{documentId}.xml")
    ResponseEntity<byte[]> xml(
            Actor actor, @PathVariable long documentId, @RequestParam(required = false) String profile) {
        Document document = documents.get(actor, documentId);
        return DocumentHttp.xml(document, documents.xml(actor, documentId, profile));
    }

    /** 到单: the signed order document came back. */
    @PostMapping("/orders/{id}/signed")
    String signedArrived(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            if (file != null && file.getSize() > SignedDocuments.MAX_BYTES) {
                throw InvalidInputException.of(
                        "file", "validation.signed.too-big", SignedDocuments.MAX_BYTES / (1024 * 1024));
            }
            try {
                signed.arrive(
                        actor,
                        id,
                        file == null ? null : file.getOriginalFilename(),
                        file == null ? null : file.getBytes());
            } catch (java.io.IOException e) {
                throw InvalidInputException.of("file", "validation.signed.type");
            }
            return messages.get("document.done.signed-arrived");
        });
    }

    @PostMapping("/orders/{id}/signed/cancel")
    String signedCancelled(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            signed.cancel(actor, id, reason);
            return messages.get("document.done.signed-cancelled");
        });
    }

    @GetMapping("/orders/{id}/signed")
    ResponseEntity<byte[]> signedScan(Actor actor, @PathVariable long id) {
        SignedDocuments.Scan scan = signed.scan(actor, id)
                .orElseThrow(() -> new dev.kontor.shared.NotFoundException("signed-document", id));
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(scan.contentType()))
                .header(
                        org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment()
                                .filename(scan.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(scan.bytes());
    }

    @GetMapping("/documents/{documentId}.pdf")
    ResponseEntity<byte[]> pdf(Actor actor, @PathVariable long documentId) {
        Document document = documents.get(actor, documentId);
        return DocumentHttp.pdf(document, documents.pdf(actor, documentId));
    }

    private interface Command {
        String run();
    }

    private String act(long orderId, RedirectAttributes redirect, Command command) {
        try {
            redirect.addFlashAttribute("notice", command.run());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", messages.withField(e.problems().get(0)));
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/orders/" + orderId + "#documents";
    }
}
