package dev.kontor.catalog.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.catalog.Catalog;
import dev.kontor.catalog.Supplier;
import dev.kontor.shared.FieldProblem;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.web.Messages;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Suppliers and how to reach them: listed for everyone, edited by purchasing and supervisors. */
@Controller
class SupplierController {

    private final Catalog catalog;
    private final Permissions permissions;
    private final Messages messages;

    SupplierController(Catalog catalog, Permissions permissions, Messages messages) {
        this.catalog = catalog;
        this.permissions = permissions;
        this.messages = messages;
    }

    @GetMapping("/catalog/suppliers")
    String list(Actor actor, Model model) {
        return page(actor, catalog.suppliers(), null, Map.of(), model);
    }

    @PostMapping("/catalog/suppliers/{id}")
    String save(
            Actor actor,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String contactName,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "") String address,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Supplier edited = new Supplier(id, name, contactName, email, phone, address);
        try {
            Supplier saved = catalog.updateSupplier(actor, edited);
            redirect.addFlashAttribute("notice", messages.get("suppliers.saved", saved.name()));
            return "redirect:/catalog/suppliers#supplier-" + id;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldProblem p : e.problems()) {
                errors.putIfAbsent(p.field(), messages.of(p));
            }
            List<Supplier> shown = catalog.suppliers().stream()
                    .map(s -> s.id() == id ? edited : s)
                    .toList();
            return page(actor, shown, id, errors, model);
        }
    }

    private String page(Actor actor, List<Supplier> suppliers, Long editing, Map<String, String> errors, Model model) {
        model.addAttribute("suppliers", suppliers);
        model.addAttribute("editing", editing);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "canEdit",
                permissions
                        .check(actor, Permission.CATALOG_EDIT, Situation.NONE)
                        .isAllowed());
        return "catalog/suppliers";
    }
}
