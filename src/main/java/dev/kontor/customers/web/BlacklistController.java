package dev.kontor.customers.web;

import dev.kontor.access.Actor;
import dev.kontor.customers.Blacklist;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.KontorException;
import dev.kontor.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Blacklisting a customer from the order or customer page, and a supervisor lifting it. */
@Controller
class BlacklistController {

    private final Blacklist blacklist;
    private final Messages messages;

    BlacklistController(Blacklist blacklist, Messages messages) {
        this.blacklist = blacklist;
        this.messages = messages;
    }

    @PostMapping("/customers/{id}/blacklist")
    String add(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "false") boolean phones,
            @RequestParam(defaultValue = "false") boolean emails,
            @RequestParam(defaultValue = "false") boolean payerAccounts,
            @RequestParam(defaultValue = "false") boolean address,
            @RequestParam(required = false) String back,
            RedirectAttributes redirect) {
        try {
            blacklist.add(actor, id, reason, new Blacklist.Scope(phones, emails, payerAccounts, address));
            redirect.addFlashAttribute("notice", messages.get("blacklist.added"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", messages.withField(e.problems().get(0)));
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:" + local(back, id);
    }

    @PostMapping("/customers/{id}/blacklist/lift")
    String lift(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String back,
            RedirectAttributes redirect) {
        try {
            blacklist.lift(actor, id, reason);
            redirect.addFlashAttribute("notice", messages.get("blacklist.lifted"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", messages.withField(e.problems().get(0)));
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:" + local(back, id);
    }

    /** Back to the order page the form was on; never to another site. */
    private static String local(String back, long customerId) {
        return back != null && back.matches("/orders/\\d+") ? back : "/customers/" + customerId;
    }
}
