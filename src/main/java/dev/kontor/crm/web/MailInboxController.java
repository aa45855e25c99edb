package dev.kontor.crm.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.crm.InboundMails;
import dev.kontor.crm.internal.InboundMailRepository;
import dev.kontor.orders.Order;
import dev.kontor.web.Flash;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The mail inbox: customers' mails that named no order, to attach to one or put aside; the mailbox's state. */
@Controller
class MailInboxController {

    private final InboundMails mails;
    private final Flash flash;

    MailInboxController(InboundMails mails, Flash flash) {
        this.mails = mails;
        this.flash = flash;
    }

    @GetMapping("/mail")
    String inbox(Actor actor, Model model) {
        List<InboundMailRepository.Kept> waiting = mails.waiting(actor);
        model.addAttribute("mails", waiting);
        model.addAttribute("attachments", mails.attachmentsOf(waiting));
        model.addAttribute("status", mails.status());
        return "crm/mail";
    }

    /** One mail: who wrote it, its text, its attachments to download, the order it is on. */
    @GetMapping("/mail/{id}")
    String mail(Actor actor, @PathVariable long id, Model model) {
        InboundMails.Opened opened = mails.open(actor, id);
        model.addAttribute("mail", opened.mail());
        model.addAttribute("attachments", opened.attachments());
        return "crm/mail-view";
    }

    /**
     * An attachment's bytes, always as a download (a stranger's file is never shown inside Kontor's pages), its name
     * as the sender gave it.
     */
    @GetMapping("/mail/{id}/attachments/{position}")
    ResponseEntity<byte[]> attachment(Actor actor, @PathVariable long id, @PathVariable int position) {
        InboundMails.Download download = mails.attachment(actor, id, position);
        MediaType type = MediaType.APPLICATION_OCTET_STREAM;
        try {
            type = MediaType.parseMediaType(download.contentType());
        } catch (InvalidMediaTypeException e) {
            // kept as plain bytes
        }
        return ResponseEntity.ok()
                .contentType(type.isCompatibleWith(MediaType.TEXT_HTML) ? MediaType.APPLICATION_OCTET_STREAM : type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(download.name(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .body(download.content());
    }

    /** htmx: how many mails wait, for the navigation; empty when none. */
    @GetMapping(value = "/mail/count", produces = "text/plain")
    @ResponseBody
    String count(Actor actor) {
        long waiting = mails.waitingCount(actor);
        return waiting == 0 ? "" : Long.toString(waiting);
    }

    @PostMapping("/mail/{id}/attach")
    String attach(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String orderNumber,
            RedirectAttributes redirect) {
        Order[] attached = {null};
        if (flash.attempt(redirect, () -> attached[0] = mails.attach(actor, id, orderNumber))) {
            flash.notice(redirect, "mail.inbox.attached", attached[0].number());
        }
        return "redirect:/mail";
    }

    @PostMapping("/mail/{id}/dismiss")
    String dismiss(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        if (flash.attempt(redirect, () -> mails.dismiss(actor, id))) {
            flash.notice(redirect, "mail.inbox.dismissed");
        }
        return "redirect:/mail";
    }
}
