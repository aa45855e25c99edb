package dev.kontor.catalog.web;

import java.io.IOException;

import dev.kontor.access.Actor;
import dev.kontor.catalog.Purchasing;
import dev.kontor.shared.KontorException;
import dev.kontor.web.Downloads;
import dev.kontor.web.Messages;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Purchasing's page: what to buy and from whom, and the notes colleagues left for purchasing. */
@Controller
class PurchasingController {

    private final Purchasing purchasing;
    private final Messages messages;

    PurchasingController(Purchasing purchasing, Messages messages) {
        this.purchasing = purchasing;
        this.messages = messages;
    }

    @GetMapping("/purchasing")
    String list(Actor actor, Model model) {
        model.addAttribute("lines", purchasing.list(actor));
        model.addAttribute("notices", purchasing.notices(actor));
        return "purchasing/list";
    }

    @GetMapping("/purchasing.csv")
    void csv(Actor actor, HttpServletResponse response) throws IOException {
        purchasing.writeCsv(actor, Downloads.csv(response, "kontor-purchasing.csv"));
    }

    @PostMapping("/purchasing/notices/{id}/done")
    String done(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        try {
            purchasing.done(actor, id);
            redirect.addFlashAttribute("notice", messages.get("purchasing.notice.done"));
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/purchasing";
    }
}
