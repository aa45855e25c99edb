package dev.kontor.calendar.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.TreeSet;

import dev.kontor.access.Actor;
import dev.kontor.calendar.Holiday;
import dev.kontor.calendar.WorkingDays;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.KontorException;
import dev.kontor.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's holiday calendar per country: the days time-limited stock holds do not count. */
@Controller
class HolidayController {

    private final WorkingDays workingDays;
    private final Messages messages;

    HolidayController(WorkingDays workingDays, Messages messages) {
        this.workingDays = workingDays;
        this.messages = messages;
    }

    @GetMapping("/settings/holidays")
    String list(@RequestParam(defaultValue = "") String country, Model model) {
        TreeSet<String> countries = new TreeSet<>();
        for (Holiday h : workingDays.holidays(null)) {
            countries.add(h.country());
        }
        String shown =
                country.isBlank() ? (countries.isEmpty() ? "DE" : countries.first()) : country.toUpperCase(Locale.ROOT);
        model.addAttribute("countries", countries);
        model.addAttribute("country", shown);
        model.addAttribute("holidays", workingDays.holidays(shown));
        return "settings/holidays";
    }

    @PostMapping("/settings/holidays")
    String add(
            Actor actor,
            @RequestParam(defaultValue = "") String country,
            @RequestParam(defaultValue = "") String day,
            @RequestParam(defaultValue = "") String name,
            RedirectAttributes redirect) {
        try {
            Holiday h = workingDays.addHoliday(actor, country, parse(day), name);
            redirect.addFlashAttribute(
                    "notice", messages.get("holidays.added", h.name(), h.day().toString()));
            return "redirect:/settings/holidays?country=" + h.country();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", messages.withField(e.problems().get(0)));
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/settings/holidays?country=" + country.strip();
    }

    @PostMapping("/settings/holidays/remove")
    String remove(Actor actor, @RequestParam String country, @RequestParam String day, RedirectAttributes redirect) {
        try {
            workingDays.removeHoliday(actor, country, parse(day));
            redirect.addFlashAttribute("notice", messages.get("holidays.removed", day));
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/settings/holidays?country=" + country.strip();
    }

    static LocalDate parse(String day) {
        if (day == null || day.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("day", "validation.date", day);
        }
    }
}
