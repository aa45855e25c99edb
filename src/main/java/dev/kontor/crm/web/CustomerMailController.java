package dev.kontor.crm.web;

import dev.kontor.access.Actor;
import dev.kontor.crm.CustomerMails;
import dev.kontor.web.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Writing to the customer from the order page. */
@Controller
class CustomerMailController {

    private final CustomerMails mails;
    private final Flash flash;

    CustomerMailController(CustomerMails mails, Flash flash) {
        this.mails = mails;
        this.flash = flash;
    }

    @PostMapping("/orders/{id}/mail")
    String write(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String body,
            RedirectAttributes redirect) {
        String[] to = new String[1];
        if (flash.attempt(redirect, () -> to[0] = mails.write(actor, id, subject, body))) {
            flash.notice(redirect, "activity.written", to[0]);
        }
        return "redirect:/orders/" + id + "#activities";
    }
}
