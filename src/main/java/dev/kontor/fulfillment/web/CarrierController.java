package dev.kontor.fulfillment.web;

import dev.kontor.access.Actor;
import dev.kontor.fulfillment.Carrier;
import dev.kontor.fulfillment.Carriers;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.KontorException;
import dev.kontor.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin → Carriers: the carriers the warehouse ships with and their tracking-number patterns. */
@Controller
class CarrierController {

    private final Carriers carriers;
    private final Messages messages;

    CarrierController(Carriers carriers, Messages messages) {
        this.carriers = carriers;
        this.messages = messages;
    }

    @GetMapping("/settings/carriers")
    String page(Model model) {
        model.addAttribute("carriers", carriers.all());
        return "settings/carriers";
    }

    @PostMapping("/settings/carriers")
    String save(
            Actor actor,
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) String trackingPattern,
            @RequestParam(defaultValue = "false") boolean active,
            RedirectAttributes redirect) {
        try {
            Carrier saved = carriers.save(actor, code, name, trackingPattern, active);
            redirect.addFlashAttribute("notice", messages.get("carriers.saved", saved.name()));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", messages.withField(e.problems().get(0)));
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/settings/carriers";
    }
}
