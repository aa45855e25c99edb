package dev.kontor.fields.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.fields.CustomField;
import dev.kontor.fields.CustomFields;
import dev.kontor.fields.FieldScope;
import dev.kontor.fields.FieldType;
import dev.kontor.shared.Names;
import dev.kontor.web.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin → Custom fields: the shop's own order and customer fields. */
@Controller
class CustomFieldController {

    private final CustomFields fields;
    private final Flash flash;

    CustomFieldController(CustomFields fields, Flash flash) {
        this.fields = fields;
        this.flash = flash;
    }

    @GetMapping("/settings/fields")
    String list(Model model) {
        model.addAttribute("fields", fields.all());
        model.addAttribute("types", FieldType.values());
        model.addAttribute("scopes", FieldScope.values());
        model.addAttribute("languages", Names.LANGUAGES);
        return "settings/fields";
    }

    @PostMapping("/settings/fields")
    String define(
            Actor actor,
            @RequestParam Map<String, String> form,
            @RequestParam(defaultValue = "false") boolean required,
            RedirectAttributes redirect) {
        FieldType type = null;
        try {
            type = form.get("type") == null ? null : FieldType.valueOf(form.get("type"));
        } catch (IllegalArgumentException e) {
            // refused as missing, naming the field
        }
        CustomFields.Definition definition = new CustomFields.Definition(
                form.get("key") == null ? null : form.get("key").strip(),
                Names.fromForm(form, "name"),
                type,
                choices(form.get("choices")),
                required,
                true,
                FieldScope.CUSTOMER.name().equals(form.get("scope")) ? FieldScope.CUSTOMER : FieldScope.ORDER);
        if (flash.attempt(redirect, () -> fields.define(actor, definition))) {
            flash.notice(redirect, "fields.added");
        }
        return "redirect:/settings/fields";
    }

    @PostMapping("/settings/fields/{id}")
    String change(
            Actor actor,
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            @RequestParam(defaultValue = "false") boolean required,
            @RequestParam(defaultValue = "false") boolean active,
            RedirectAttributes redirect) {
        CustomField before = fields.get(id);
        CustomFields.Definition definition = new CustomFields.Definition(
                before.key(), Names.fromForm(form, "name"), before.type(), before.choices(), required, active);
        if (flash.attempt(redirect, () -> fields.change(actor, id, definition))) {
            flash.notice(redirect, "fields.saved");
        }
        return "redirect:/settings/fields";
    }

    /** Choices as written, one per line: {@code express = Express delivery}. */
    static List<CustomField.Choice> choices(String written) {
        List<CustomField.Choice> choices = new ArrayList<>();
        if (written == null) {
            return choices;
        }
        for (String line : written.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = (eq < 0 ? line : line.substring(0, eq)).strip();
            String name = eq < 0 ? key : line.substring(eq + 1).strip();
            choices.add(new CustomField.Choice(key, Names.of(name)));
        }
        return choices;
    }
}
