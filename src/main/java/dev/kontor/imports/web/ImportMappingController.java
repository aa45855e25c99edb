package dev.kontor.imports.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.fields.CustomFields;
import dev.kontor.fields.FieldScope;
import dev.kontor.imports.ImportMappings;
import dev.kontor.imports.Upload;
import dev.kontor.imports.read.ImportMapping;
import dev.kontor.orders.Orders;
import dev.kontor.shared.FieldProblem;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.web.Flash;
import dev.kontor.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Column mappings for other systems' exports: pick a sample file, see its first rows, say which column holds which
 * field (a first guess from the columns' names is filled in), save; files with those columns import from then on.
 */
@Controller
class ImportMappingController {

    private final ImportMappings mappings;
    private final Orders orders;
    private final Flash flash;
    private final Messages messages;
    private final CustomFields customFields;

    ImportMappingController(
            ImportMappings mappings, Orders orders, Flash flash, Messages messages, CustomFields customFields) {
        this.customFields = customFields;
        this.mappings = mappings;
        this.orders = orders;
        this.flash = flash;
        this.messages = messages;
    }

    @GetMapping("/imports/mappings")
    String list(Actor actor, Model model) {
        model.addAttribute("mappings", mappings.all(actor));
        return "imports/mappings";
    }

    @PostMapping("/imports/mappings/sample")
    String sample(
            Actor actor,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model,
            RedirectAttributes redirect) {
        ImportMappings.Sample[] sample = {null};
        Upload upload =
                file == null ? null : new Upload(file.getOriginalFilename(), file.getSize(), file::getInputStream);
        if (!flash.attempt(redirect, () -> sample[0] = mappings.sample(actor, upload))) {
            return "redirect:/imports/mappings";
        }
        form(model, sample[0].fileName(), sample[0].header(), sample[0].rows(), mappings.guess(sample[0].header()));
        model.addAttribute("name", "");
        model.addAttribute("channel", "WEBSHOP");
        model.addAttribute("currency", "EUR");
        return "imports/mapping-form";
    }

    @PostMapping("/imports/mappings")
    String save(
            Actor actor,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String currency,
            @RequestParam(name = "header", required = false) List<String> header,
            @RequestParam(name = "sampleName", required = false) String sampleName,
            @RequestParam Map<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String field : mappings.fields()) {
            String column = params.get("col." + field);
            if (column != null && !column.isBlank()) {
                columns.put(field, column);
            }
        }
        try {
            ImportMapping saved = mappings.save(actor, name, channel, currency, header, columns);
            flash.notice(redirect, "import.mapping.saved", saved.name());
            return "redirect:/imports/mappings";
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldProblem problem : e.problems()) {
                errors.putIfAbsent(problem.field(), messages.of(problem));
            }
            form(model, sampleName, header == null ? List.of() : header, List.of(), columns);
            model.addAttribute("errors", errors);
            model.addAttribute("name", name);
            model.addAttribute("channel", channel);
            model.addAttribute("currency", currency);
            return "imports/mapping-form";
        }
    }

    @PostMapping("/imports/mappings/{id}/delete")
    String delete(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        if (flash.attempt(redirect, () -> mappings.delete(actor, id))) {
            flash.notice(redirect, "import.mapping.deleted");
        }
        return "redirect:/imports/mappings";
    }

    private void form(
            Model model, String sampleName, List<String> header, List<List<String>> rows, Map<String, String> chosen) {
        model.addAttribute("sampleName", sampleName);
        model.addAttribute("header", header);
        model.addAttribute("rows", rows);
        model.addAttribute("fields", ImportMapping.FIELDS);
        model.addAttribute("customFieldDefs", customFields.active(FieldScope.ORDER));
        model.addAttribute("required", ImportMapping.REQUIRED);
        model.addAttribute("chosen", chosen);
        model.addAttribute("channels", orders.channels());
        model.addAttribute("errors", Map.of());
    }
}
