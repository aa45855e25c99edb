package dev.kontor.catalog.web;

import dev.kontor.access.Actor;
import dev.kontor.catalog.Catalog;
import dev.kontor.catalog.Location;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.KontorException;
import dev.kontor.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Warehouses and stock locations: listed for everyone, added by admins. */
@Controller
class LocationController {

    private final Catalog catalog;
    private final Messages messages;

    LocationController(Catalog catalog, Messages messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    @GetMapping("/settings/locations")
    String page(Model model) {
        model.addAttribute("locations", catalog.locations());
        return "settings/locations";
    }

    @PostMapping("/settings/locations")
    String add(
            Actor actor,
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String country,
            RedirectAttributes redirect) {
        try {
            Location added = catalog.addLocation(actor, code, name, country);
            redirect.addFlashAttribute("notice", messages.get("locations.added", added.code()));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", messages.withField(e.problems().get(0)));
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/settings/locations";
    }
}
