package dev.kontor.entry.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.access.User;
import dev.kontor.access.Users;
import dev.kontor.customers.Customers;
import dev.kontor.fields.CustomFields;
import dev.kontor.fields.FieldScope;
import dev.kontor.markets.Markets;
import dev.kontor.orders.ActionOutcome;
import dev.kontor.orders.GroupCommit;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderEditing;
import dev.kontor.orders.OrderInput;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.Orders;
import dev.kontor.orders.PlacedOrder;
import dev.kontor.shared.FieldProblem;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.Problems;
import dev.kontor.shared.StaleVersionException;
import dev.kontor.web.Messages;
import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The order form: a new order (saved as a draft or submitted for review) and editing one; every problem shown next
 * to its field, the form kept as typed. htmx adds and removes lines and suggests customers as one types.
 */
@Controller
class OrderFormController {

    private final Orders orders;
    private final OrderIntake intake;
    private final OrderEditing editing;
    private final Customers customers;
    private final Markets markets;
    private final Users users;
    private final Messages messages;

    private final CustomFields customFields;
    private final GroupCommit grouped;
    private final Permissions permissions;

    OrderFormController(
            Orders orders,
            OrderIntake intake,
            GroupCommit grouped,
            Permissions permissions,
            OrderEditing editing,
            Customers customers,
            Markets markets,
            Users users,
            Messages messages,
            CustomFields customFields) {
        this.customFields = customFields;
        this.grouped = grouped;
        this.permissions = permissions;
        this.orders = orders;
        this.intake = intake;
        this.editing = editing;
        this.customers = customers;
        this.markets = markets;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/orders/new")
    String newOrder(
            Actor actor,
            @RequestParam(required = false) Long customer,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String name,
            Model model) {
        OrderForm form = new OrderForm();
        // from a customer's mail in the mail inbox: a new customer with their address and name filled in
        form.customer.email = email;
        form.customer.name = name;
        form.email = email;
        if (customer != null) {
            customers.find(customer).ifPresent(c -> {
                form.customer.id = Long.toString(c.id());
                form.customer.selectedName = c.displayName();
            });
        }
        return form(actor, form, null, Map.of(), model);
    }

    @PostMapping("/orders")
    String create(
            Actor actor,
            @ModelAttribute("form") OrderForm form,
            @RequestParam(defaultValue = "draft") String save,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirectAttributes) {
        form.dropEmptyLines();
        Problems problems = new Problems();
        OrderInput input = form.toInput(problems);
        try {
            problems.throwIfAny();
            PlacedOrder placed = "approve".equals(save)
                    ? grouped.placeApproved(actor, input)
                    : intake.place(actor, input, !"submit".equals(save));
            if ("approve".equals(save) && placed.order().lifecycle() != LifecycleStatus.APPROVED) {
                redirectAttributes.addFlashAttribute("warning", messages.get("order.form.not-approved"));
            }
            if (placed.approval() != null) {
                redirectAttributes.addFlashAttribute(
                        "notice",
                        messages.get(
                                "approval.sent", messages.get(placed.approval().why())));
            }
            return redirect("/orders/" + placed.order().id(), request, response, redirectAttributes);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return form(actor, form, null, errors(e.problems()), model);
        }
    }

    @GetMapping("/orders/{id}/edit")
    String edit(Actor actor, @PathVariable long id, Model model) {
        Order order = orders.view(actor, id);
        return form(actor, OrderForm.of(order), order, Map.of(), model);
    }

    @PostMapping("/orders/{id}/edit")
    String update(
            Actor actor,
            @PathVariable long id,
            @ModelAttribute("form") OrderForm form,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirectAttributes) {
        form.dropEmptyLines();
        Problems problems = new Problems();
        OrderInput input = form.toInput(problems);
        Order order = orders.view(actor, id);
        try {
            problems.throwIfAny();
            ActionOutcome outcome = editing.edit(actor, id, form.version, input);
            if (outcome.isPendingApproval()) {
                redirectAttributes.addFlashAttribute(
                        "notice",
                        messages.get(
                                "approval.sent", messages.get(outcome.approval().why())));
            }
            return redirect("/orders/" + id, request, response, redirectAttributes);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return form(actor, form, order, errors(e.problems()), model);
        } catch (StaleVersionException e) {
            response.setStatus(409);
            model.addAttribute("error", messages.of(e));
            return form(actor, form, order, Map.of(), model);
        }
    }

    /** htmx: the form again, with a line added, removed or moved up or down; nothing is saved. */
    @PostMapping("/orders/form/lines")
    String lines(
            Actor actor,
            @ModelAttribute("form") OrderForm form,
            @RequestParam(required = false) Integer remove,
            @RequestParam(required = false) Integer move,
            @RequestParam(required = false) Integer by,
            @RequestParam(required = false) Long orderId,
            Model model) {
        if (remove != null) {
            form.removeLine(remove);
        } else if (move != null) {
            form.moveLine(move, by == null ? 0 : by);
        } else {
            form.addLine();
        }
        return form(actor, form, orderId == null ? null : orders.view(actor, orderId), Map.of(), model) + " :: lines";
    }

    /** htmx: customers matching what was typed into the customer search. */
    @GetMapping("/orders/form/customers")
    String customerSuggestions(@RequestParam(name = "customer.query", required = false) String query, Model model) {
        model.addAttribute("suggestions", query == null || query.isBlank() ? List.of() : customers.search(query, 8));
        return "entry/form :: suggestions";
    }

    /** The form is bound to its public fields. */
    @InitBinder("form")
    void bindFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    private String form(Actor actor, OrderForm form, Order order, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        // "Save and approve" for whoever may approve a new order they write themselves (a paid phone order)
        model.addAttribute(
                "mayApprove",
                order == null
                        && permissions
                                .check(
                                        actor,
                                        Permission.ORDER_APPROVE,
                                        new Situation(actor.userId(), Set.of(), "NEW", false, false, 0))
                                .isAllowed());
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", new DirectFieldBindingResult(form, "form"));
        model.addAttribute("order", order);
        model.addAttribute("errors", errors);
        model.addAttribute("channels", orders.channels());
        model.addAttribute("markets", markets.all());
        Map<Long, String> people = new LinkedHashMap<>();
        users.all().stream().filter(User::enabled).forEach(u -> people.put(u.id(), u.displayName()));
        model.addAttribute("people", people);
        model.addAttribute("customFieldDefs", customFields.active(FieldScope.ORDER));
        return "entry/form";
    }

    private Map<String, String> errors(List<FieldProblem> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            errors.putIfAbsent(p.field(), messages.of(p));
        }
        return errors;
    }

    /**
     * After a successful save: htmx follows HX-Redirect, a plain form post a normal redirect. Flash messages go with
     * either.
     */
    private static String redirect(
            String url, HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        if (request.getHeader("HX-Request") != null) {
            var output = RequestContextUtils.getOutputFlashMap(request);
            output.putAll(flash.getFlashAttributes());
            RequestContextUtils.saveOutputFlashMap(url, request, response);
            response.setHeader("HX-Redirect", url);
            return "fragments/empty";
        }
        return "redirect:" + url;
    }
}
