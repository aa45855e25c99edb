package dev.kontor.integration.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.integration.OrderEventTypes;
import dev.kontor.integration.Webhooks;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.ShopSettings;
import dev.kontor.web.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin → Webhooks: the endpoints that receive the order's events, their deliveries and dead letters. */
@Controller
class WebhookController {

    private final Webhooks webhooks;
    private final Flash flash;
    private final ZoneId zone;

    WebhookController(Webhooks webhooks, Flash flash, ShopSettings shop) {
        this.webhooks = webhooks;
        this.flash = flash;
        this.zone = shop.timeZone();
    }

    @GetMapping("/settings/webhooks")
    String list(Actor actor, Model model) {
        model.addAttribute("webhooks", webhooks.all(actor));
        model.addAttribute("types", OrderEventTypes.ALL);
        return "settings/webhooks";
    }

    @PostMapping("/settings/webhooks")
    String subscribe(
            Actor actor,
            @RequestParam(required = false) String url,
            @RequestParam(required = false) String description,
            @RequestParam(name = "type", required = false) List<String> types,
            RedirectAttributes redirect) {
        Webhooks.WithSecret[] made = {null};
        if (flash.attempt(
                redirect,
                () -> made[0] = webhooks.subscribe(
                        actor, new Webhooks.Definition(url, description, types == null ? List.of() : types)))) {
            flash.notice(redirect, "webhooks.added");
            redirect.addFlashAttribute("secret", made[0].secret());
            return "redirect:/settings/webhooks/" + made[0].webhook().id();
        }
        return "redirect:/settings/webhooks";
    }

    @GetMapping("/settings/webhooks/{id}")
    String detail(Actor actor, @PathVariable long id, @RequestParam(required = false) String status, Model model) {
        model.addAttribute("webhook", webhooks.get(actor, id));
        model.addAttribute("deliveries", webhooks.deliveries(actor, id, status, 100));
        model.addAttribute("status", status);
        model.addAttribute("types", OrderEventTypes.ALL);
        return "settings/webhook";
    }

    @PostMapping("/settings/webhooks/{id}")
    String change(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String url,
            @RequestParam(required = false) String description,
            @RequestParam(name = "type", required = false) List<String> types,
            RedirectAttributes redirect) {
        if (flash.attempt(
                redirect,
                () -> webhooks.change(
                        actor, id, new Webhooks.Definition(url, description, types == null ? List.of() : types)))) {
            flash.notice(redirect, "webhooks.saved");
        }
        return "redirect:/settings/webhooks/" + id;
    }

    @PostMapping("/settings/webhooks/{id}/rotate")
    String rotate(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        Webhooks.WithSecret[] rotated = {null};
        if (flash.attempt(redirect, () -> rotated[0] = webhooks.rotate(actor, id))) {
            flash.notice(redirect, "webhooks.rotated");
            redirect.addFlashAttribute("secret", rotated[0].secret());
        }
        return "redirect:/settings/webhooks/" + id;
    }

    @PostMapping("/settings/webhooks/{id}/enable")
    String enable(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        if (flash.attempt(redirect, () -> webhooks.enable(actor, id))) {
            flash.notice(redirect, "webhooks.enabled");
        }
        return "redirect:/settings/webhooks/" + id;
    }

    @PostMapping("/settings/webhooks/{id}/disable")
    String disable(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        if (flash.attempt(redirect, () -> webhooks.disable(actor, id))) {
            flash.notice(redirect, "webhooks.disabled");
        }
        return "redirect:/settings/webhooks/" + id;
    }

    @PostMapping("/settings/webhooks/{id}/delete")
    String delete(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        if (flash.attempt(redirect, () -> webhooks.delete(actor, id))) {
            flash.notice(redirect, "webhooks.deleted");
            return "redirect:/settings/webhooks";
        }
        return "redirect:/settings/webhooks/" + id;
    }

    @PostMapping("/settings/webhooks/{id}/replay")
    String replay(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) String since,
            RedirectAttributes redirect) {
        int[] count = {0};
        if (flash.attempt(redirect, () -> count[0] = webhooks.replay(actor, id, after, since(since)))) {
            flash.notice(redirect, "webhooks.replayed", count[0]);
        }
        return "redirect:/settings/webhooks/" + id;
    }

    /** The form's local time (the shop's zone) as an instant; one that cannot be read is refused naming it. */
    private java.time.Instant since(String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(written.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("replaySince", "validation.date", written);
        }
    }
}
