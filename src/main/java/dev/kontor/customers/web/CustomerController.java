package dev.kontor.customers.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.access.User;
import dev.kontor.access.Users;
import dev.kontor.customers.ContactKind;
import dev.kontor.customers.Customer;
import dev.kontor.customers.CustomerKind;
import dev.kontor.customers.CustomerMerging;
import dev.kontor.customers.CustomerPanel;
import dev.kontor.customers.Customers;
import dev.kontor.fields.CustomFields;
import dev.kontor.fields.FieldRules;
import dev.kontor.fields.FieldScope;
import dev.kontor.shared.FieldProblem;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.StaleVersionException;
import dev.kontor.web.Messages;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer pages: find a customer, see who they are and what changed, edit them. Their orders are one link
 * away.
 */
@Controller
class CustomerController {

    private final Customers customers;
    private final CustomerMerging merging;
    private final Permissions permissions;
    private final Messages messages;
    private final List<CustomerPanel> panels;
    private final CustomFields customFields;
    private final Users users;

    CustomerController(
            Customers customers,
            CustomerMerging merging,
            Permissions permissions,
            Messages messages,
            List<CustomerPanel> panels,
            CustomFields customFields,
            Users users) {
        this.customFields = customFields;
        this.users = users;
        this.panels = panels.stream()
                .sorted(Comparator.comparingInt(CustomerPanel::position))
                .toList();
        this.customers = customers;
        this.merging = merging;
        this.permissions = permissions;
        this.messages = messages;
    }

    @GetMapping("/customers")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam Map<String, String> params,
            Model model,
            HttpServletResponse response) {
        boolean tooLong = q != null && q.length() > 200;
        Map<String, String> byField = FieldRules.filters(params);
        model.addAttribute("q", tooLong ? q.substring(0, 200) : q);
        model.addAttribute("customFieldDefs", customFields.active(FieldScope.CUSTOMER));
        model.addAttribute("cfFilter", byField);
        model.addAttribute("filtered", (q != null && !q.isBlank()) || !byField.isEmpty());
        model.addAttribute("customers", List.of());
        if (tooLong) { // said, not cut short silently; and no list that would look like a match
            model.addAttribute("error", messages.withField(new FieldProblem("q", "validation.too-long", List.of(200))));
        } else {
            try {
                model.addAttribute("customers", customers.search(q, byField, 100));
            } catch (InvalidInputException e) {
                response.setStatus(422);
                model.addAttribute("error", messages.withField(e.problems().get(0)));
            }
        }
        model.addAttribute("total", customers.count());
        return "customers/list";
    }

    @GetMapping("/customers/{id}")
    String detail(Actor actor, @PathVariable long id, Model model) {
        Customer customer = customers.get(id);
        model.addAttribute("customer", customer);
        model.addAttribute("homeCountry", customers.homeCountry());
        model.addAttribute("customFieldDefs", customFields.all(FieldScope.CUSTOMER));
        model.addAttribute("timeline", customers.timeline(id));
        model.addAttribute(
                "mayEdit",
                permissions
                        .check(actor, Permission.CUSTOMER_EDIT, Situation.NONE)
                        .isAllowed());
        Map<String, Map<String, Object>> panelData = new LinkedHashMap<>();
        for (CustomerPanel panel : panels) {
            panelData.put(panel.template(), panel.data(customer, actor));
        }
        model.addAttribute("panels", panelData);
        return "customers/detail";
    }

    @GetMapping("/customers/{id}/edit")
    String edit(Actor actor, @PathVariable long id, Model model) {
        permissions.requireAllowed(actor, Permission.CUSTOMER_EDIT, Situation.NONE);
        Customer customer = customers.get(id);
        CustomerEditForm form = CustomerEditForm.of(customer);
        form.withSpareRows();
        return form(customer, form, Map.of(), model);
    }

    @PostMapping("/customers/{id}/edit")
    String save(
            Actor actor,
            @PathVariable long id,
            @ModelAttribute("form") CustomerEditForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        form.dropEmptyRows();
        try {
            customers.update(actor, id, form.version, form.toDetails());
            redirect.addFlashAttribute("notice", messages.get("customers.saved"));
            return "redirect:/customers/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldProblem p : e.problems()) {
                errors.putIfAbsent(p.field(), messages.of(p));
            }
            form.withSpareRows();
            return form(customers.get(id), form, errors, model);
        } catch (StaleVersionException e) {
            response.setStatus(409);
            model.addAttribute("error", messages.of(e));
            Customer now = customers.get(id);
            form.version = now.version(); // saving again writes over what the colleague did: they were told
            form.withSpareRows();
            return form(now, form, Map.of(), model);
        }
    }

    /** Merging another customer into this one: find them (by name, company, e-mail, phone or account). */
    @GetMapping("/customers/{id}/merge")
    String mergeCandidates(Actor actor, @PathVariable long id, @RequestParam(required = false) String q, Model model) {
        permissions.requireAllowed(actor, Permission.CUSTOMER_EDIT, Situation.NONE);
        Customer customer = customers.get(id);
        String query = q == null ? null : q.strip();
        if (query != null && query.length() > 200) {
            query = query.substring(0, 200);
        }
        model.addAttribute("customer", customer);
        model.addAttribute("q", query);
        model.addAttribute(
                "candidates",
                query == null || query.isEmpty()
                        ? List.of()
                        : customers.search(query, 20).stream()
                                .filter(c -> c.id() != id)
                                .toList());
        return "customers/merge";
    }

    @PostMapping("/customers/{id}/merge")
    String merge(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) Long mergeId,
            RedirectAttributes redirect) {
        try {
            Customer kept = merging.merge(actor, id, mergeId);
            redirect.addFlashAttribute("notice", messages.get("customers.merged", kept.displayName()));
            return "redirect:/customers/" + id;
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", messages.withField(e.problems().get(0)));
            return "redirect:/customers/" + id + "/merge";
        }
    }

    /** The form is bound to its public fields. */
    @InitBinder("form")
    void bindFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    private String form(Customer customer, CustomerEditForm form, Map<String, String> errors, Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("form", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", new DirectFieldBindingResult(form, "form"));
        model.addAttribute("errors", errors);
        model.addAttribute("contactKinds", ContactKind.values());
        model.addAttribute("customerKinds", CustomerKind.values());
        model.addAttribute("languages", List.of("en", "de", "zh_CN", "nb"));
        model.addAttribute("customFieldDefs", customFields.active(FieldScope.CUSTOMER));
        Map<Long, String> people = new LinkedHashMap<>();
        users.all().stream().filter(User::enabled).forEach(u -> people.put(u.id(), u.displayName()));
        model.addAttribute("people", people);
        return "customers/edit";
    }
}
