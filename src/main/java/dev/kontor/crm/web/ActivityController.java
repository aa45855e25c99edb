package dev.kontor.crm.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

import dev.kontor.access.Actor;
import dev.kontor.crm.Activities;
import dev.kontor.crm.ActivityKind;
import dev.kontor.crm.CallDirection;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.ShopSettings;
import dev.kontor.shared.Text;
import dev.kontor.web.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** My activities, the count in the navigation, and planning and completing from the order and customer pages. */
@Controller
class ActivityController {

    private final Activities activities;
    private final Flash flash;
    private final ShopSettings shop;

    ActivityController(Activities activities, Flash flash, ShopSettings shop) {
        this.activities = activities;
        this.flash = flash;
        this.shop = shop;
    }

    @GetMapping("/activities")
    String mine(Actor actor, Model model) {
        model.addAttribute("activities", activities.mine(actor));
        model.addAttribute("now", activities.now());
        return "crm/mine";
    }

    /** htmx: the open activities due today or overdue, for the navigation; empty when none. */
    @GetMapping(value = "/activities/count", produces = "text/plain")
    @ResponseBody
    String count(Actor actor) {
        long due = activities.dueToday(actor);
        return due == 0 ? "" : Long.toString(due);
    }

    @PostMapping("/activities")
    String plan(
            Actor actor,
            @RequestParam String subjectType,
            @RequestParam long subjectId,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String due,
            @RequestParam(required = false) Long responsibleId,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        if (flash.attempt(
                redirect,
                () -> activities.plan(
                        actor,
                        new Activities.Plan(subjectType, subjectId, kindOf(kind), dueAt(due), responsibleId, note)))) {
            flash.notice(redirect, "activity.planned");
        }
        return "redirect:" + back(subjectType, subjectId) + "#activities";
    }

    @PostMapping("/activities/calls")
    String logCall(
            Actor actor,
            @RequestParam String subjectType,
            @RequestParam long subjectId,
            @RequestParam(required = false) String direction,
            @RequestParam(required = false) String minutes,
            @RequestParam(required = false) String outcome,
            RedirectAttributes redirect) {
        if (flash.attempt(
                redirect,
                () -> activities.logCall(
                        actor,
                        new Activities.Call(
                                subjectType, subjectId, directionOf(direction), minutesOf(minutes), outcome)))) {
            flash.notice(redirect, "activity.logged");
        }
        return "redirect:" + back(subjectType, subjectId) + "#activities";
    }

    private static CallDirection directionOf(String written) {
        return "INBOUND".equals(written)
                ? CallDirection.INBOUND
                : "OUTBOUND".equals(written) ? CallDirection.OUTBOUND : null;
    }

    private static Integer minutesOf(String written) {
        if (Text.clean(written) == null) {
            return null;
        }
        try {
            return Integer.valueOf(written.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("minutes", "validation.activity.minutes");
        }
    }

    @PostMapping("/activities/{id}/done")
    String done(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String back,
            RedirectAttributes redirect) {
        if (flash.attempt(redirect, () -> activities.complete(actor, id, outcome))) {
            flash.notice(redirect, "activity.completed");
        }
        return "redirect:"
                + (back != null && back.matches("/(orders|customers)/\\d+|/activities") ? back : "/activities");
    }

    private static String back(String subjectType, long subjectId) {
        return ("order".equals(subjectType) ? "/orders/" : "/customers/") + subjectId;
    }

    private static ActivityKind kindOf(String written) {
        for (ActivityKind k : ActivityKind.PLANNED) {
            if (k.name().equals(written)) {
                return k;
            }
        }
        return null;
    }

    /** A {@code datetime-local} value, read in the shop's time zone. */
    private Instant dueAt(String written) {
        if (Text.clean(written) == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(written.strip()).atZone(shop.timeZone()).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("dueAt", "validation.datetime", written);
        }
    }
}
