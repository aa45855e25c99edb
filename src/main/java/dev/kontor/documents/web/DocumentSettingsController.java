package dev.kontor.documents.web;

import java.io.IOException;

import dev.kontor.access.Actor;
import dev.kontor.documents.DocumentImages;
import dev.kontor.documents.DocumentPolicy;
import dev.kontor.documents.DocumentSettings;
import dev.kontor.documents.SignedDocuments;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.KontorException;
import dev.kontor.shared.NotFoundException;
import dev.kontor.web.Messages;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin → Documents: the logo, the company stamp and the signature the PDFs carry. */
@Controller
class DocumentSettingsController {

    private final DocumentImages images;
    private final DocumentPolicy policy;
    private final SignedDocuments signed;
    private final dev.kontor.orders.Orders orders;
    private final Messages messages;

    DocumentSettingsController(
            DocumentImages images,
            DocumentPolicy policy,
            SignedDocuments signed,
            dev.kontor.orders.Orders orders,
            Messages messages) {
        this.signed = signed;
        this.orders = orders;
        this.images = images;
        this.policy = policy;
        this.messages = messages;
    }

    @PostMapping("/settings/documents/signed")
    String signedRequired(
            Actor actor,
            @RequestParam(required = false) java.util.List<String> channels,
            @RequestParam(defaultValue = "false") boolean companies,
            RedirectAttributes redirect) {
        try {
            signed.require(actor, channels == null ? "" : String.join(",", channels), companies);
            redirect.addFlashAttribute("notice", messages.get("documents.settings.signed.saved"));
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/settings/documents";
    }

    @PostMapping("/settings/documents/invoice-on")
    String invoiceOn(Actor actor, @RequestParam(required = false) String invoiceOn, RedirectAttributes redirect) {
        try {
            DocumentSettings.InvoiceOn value;
            try {
                value = DocumentSettings.InvoiceOn.valueOf(String.valueOf(invoiceOn));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("invoiceOn", "validation.invalid");
            }
            policy.setInvoiceOn(actor, value);
            redirect.addFlashAttribute(
                    "notice", messages.get("documents.settings.invoice-on.saved", messages.label(value)));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", messages.withField(e.problems().get(0)));
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/settings/documents";
    }

    @GetMapping("/settings/documents")
    String page(Model model) {
        model.addAttribute("purposes", DocumentImages.Purpose.values());
        java.util.Map<String, Boolean> present = new java.util.LinkedHashMap<>();
        for (DocumentImages.Purpose p : DocumentImages.Purpose.values()) {
            present.put(p.name(), images.get(p).isPresent());
        }
        model.addAttribute("present", present);
        model.addAttribute("maxKb", DocumentImages.MAX_BYTES / 1024);
        model.addAttribute("invoiceOn", policy.invoiceOn());
        model.addAttribute("moments", DocumentSettings.InvoiceOn.values());
        var requirement = signed.requirement();
        model.addAttribute(
                "signedChannels", java.util.Set.of(requirement.channels().split(",")));
        model.addAttribute("signedCompanies", requirement.companies());
        model.addAttribute("channels", orders.channels());
        return "settings/documents";
    }

    @PostMapping("/settings/documents/images/{purpose}")
    String upload(
            Actor actor,
            @PathVariable String purpose,
            @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect) {
        DocumentImages.Purpose p = known(purpose);
        try {
            if (file != null && file.getSize() > DocumentImages.MAX_BYTES) {
                throw InvalidInputException.of("file", "validation.image.too-big", DocumentImages.MAX_BYTES / 1024);
            }
            images.put(actor, p, file == null ? null : file.getBytes());
            redirect.addFlashAttribute("notice", messages.get("documents.settings.saved", messages.label(p)));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "error", messages.label(p) + ": " + messages.of(e.problems().get(0)));
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        } catch (IOException e) {
            redirect.addFlashAttribute("error", messages.get("validation.image.type"));
        }
        return "redirect:/settings/documents";
    }

    @PostMapping("/settings/documents/images/{purpose}/remove")
    String remove(Actor actor, @PathVariable String purpose, RedirectAttributes redirect) {
        DocumentImages.Purpose p = known(purpose);
        try {
            images.remove(actor, p);
            redirect.addFlashAttribute("notice", messages.get("documents.settings.removed", messages.label(p)));
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/settings/documents";
    }

    @GetMapping("/settings/documents/images/{purpose}")
    ResponseEntity<byte[]> image(@PathVariable String purpose) {
        var image = images.get(known(purpose)).orElseThrow(() -> new NotFoundException("image", purpose));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .body(image.bytes());
    }

    private static DocumentImages.Purpose known(String written) {
        DocumentImages.Purpose p = DocumentImages.purpose(written);
        if (p == null) {
            throw new NotFoundException("image", written);
        }
        return p;
    }
}
