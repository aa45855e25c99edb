package dev.kontor.crm.web;

import dev.kontor.access.Actor;
import dev.kontor.crm.InboundMails;
import dev.kontor.orders.Order;
import dev.kontor.web.Flash;
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
        model.addAttribute("mails", mails.waiting(actor));
        model.addAttribute("status", mails.status());
        return "crm/mail";
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
