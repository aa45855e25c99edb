package dev.kontor.imports.web;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.imports.ImportBatch;
import dev.kontor.imports.ImportCorrections;
import dev.kontor.imports.ImportProblem;
import dev.kontor.imports.ImportRow;
import dev.kontor.imports.Imports;
import dev.kontor.shared.Address;
import dev.kontor.shared.FieldProblem;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.KontorException;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.ShopSettings;
import dev.kontor.web.Flash;
import dev.kontor.web.Formatting;
import dev.kontor.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Fixing one staged order in the review: its problems, its values as a form, and the batch checked again. */
@Controller
class ImportCorrectionController {

    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Imports imports;
    private final ImportCorrections corrections;
    private final ShopSettings shop;
    private final Flash flash;
    private final Messages messages;
    private final Formatting fmt;

    ImportCorrectionController(
            Imports imports,
            ImportCorrections corrections,
            ShopSettings shop,
            Flash flash,
            Messages messages,
            Formatting fmt) {
        this.imports = imports;
        this.corrections = corrections;
        this.shop = shop;
        this.flash = flash;
        this.messages = messages;
        this.fmt = fmt;
    }

    @GetMapping("/imports/{id}/rows/{rowId}")
    String form(Actor actor, @PathVariable long id, @PathVariable long rowId, Model model) {
        ImportRow row = row(actor, id, rowId);
        Address a = row.order().shippingAddress();
        ImportCorrections.Correction current = new ImportCorrections.Correction(
                row.order().placedAt() == null
                        ? ""
                        : TYPED.withZone(shop.timeZone()).format(row.order().placedAt()),
                row.order().buyer(),
                row.order().email(),
                row.order().phone(),
                a == null ? null : a.street(),
                a == null ? null : a.postalCode(),
                a == null ? null : a.city(),
                a == null ? null : a.region(),
                a == null ? null : a.country(),
                row.order().total() == null
                        ? ""
                        : fmt.decimal(row.order().total(), row.order().currency()));
        show(actor, id, row, current, Map.of(), model);
        return "imports/fix";
    }

    @PostMapping("/imports/{id}/rows/{rowId}")
    String correct(
            Actor actor,
            @PathVariable long id,
            @PathVariable long rowId,
            @ModelAttribute ImportCorrections.Correction typed,
            Model model,
            RedirectAttributes redirect) {
        try {
            ImportRow fixed = corrections.correct(actor, id, rowId, typed);
            flash.notice(redirect, "import.fixed", fixed.order().externalId(), messages.label(fixed.verdict()));
            return "redirect:/imports/" + id + "#rows";
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldProblem problem : e.problems()) {
                errors.putIfAbsent(problem.field(), messages.of(problem));
            }
            show(actor, id, row(actor, id, rowId), typed, errors, model);
            return "imports/fix";
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.of(e));
            return "redirect:/imports/" + id;
        }
    }

    private ImportRow row(Actor actor, long id, long rowId) {
        return imports.row(actor, id, rowId).orElseThrow(() -> new NotFoundException("import-order", rowId));
    }

    private void show(
            Actor actor,
            long id,
            ImportRow row,
            ImportCorrections.Correction values,
            Map<String, String> errors,
            Model model) {
        ImportBatch batch = imports.get(actor, id);
        model.addAttribute("batch", batch);
        model.addAttribute("row", row);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "problems",
                imports.problemsOf(actor, id, row.order().externalId()).stream()
                        .map(ImportProblem::message)
                        .map(messages::of)
                        .toList());
        model.addAttribute("zone", shop.timeZone().getId());
    }
}
