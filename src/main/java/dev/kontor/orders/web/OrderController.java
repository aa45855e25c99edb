package dev.kontor.orders.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Users;
import dev.kontor.access.Verdict;
import dev.kontor.catalog.Holding;
import dev.kontor.catalog.Inventory;
import dev.kontor.customers.Customers;
import dev.kontor.orders.ActionOutcome;
import dev.kontor.orders.FulfilmentStatus;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.NoteKind;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderFilter;
import dev.kontor.orders.OrderInput;
import dev.kontor.orders.OrderPanel;
import dev.kontor.orders.OrderSort;
import dev.kontor.orders.Orders;
import dev.kontor.orders.PaymentStatus;
import dev.kontor.shared.FieldProblem;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.KontorException;
import dev.kontor.shared.Problems;
import dev.kontor.shared.StaleVersionException;
import dev.kontor.web.Highlight;
import dev.kontor.web.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/** The order pages: the list, the order, the draft form, and the actions on an order. */
@Controller
class OrderController {

    static final int PAGE_SIZE = 50;
    /** The list's columns a user may show or hide (the number is always shown); saved with a view's query. */
    static final List<String> COLUMNS = List.of("placed", "channel", "customer", "units", "total", "status", "tags");

    static final List<String> DEFAULT_COLUMNS = List.of("placed", "channel", "customer", "units", "total", "status");

    private final Orders orders;
    private final Customers customers;
    private final List<OrderPanel> panels;
    private final dev.kontor.markets.Markets markets;
    private final dev.kontor.orders.SavedViews savedViews;
    private final dev.kontor.customers.Blacklist blacklist;
    private final dev.kontor.access.Permissions permissions;
    private final Messages messages;
    private final Inventory inventory;
    private final Users users;

    OrderController(
            Orders orders,
            Customers customers,
            Users users,
            List<OrderPanel> panels,
            dev.kontor.markets.Markets markets,
            dev.kontor.orders.SavedViews savedViews,
            dev.kontor.customers.Blacklist blacklist,
            dev.kontor.access.Permissions permissions,
            Messages messages,
            Inventory inventory) {
        this.orders = orders;
        this.inventory = inventory;
        this.customers = customers;
        this.users = users;
        this.markets = markets;
        this.savedViews = savedViews;
        this.blacklist = blacklist;
        this.permissions = permissions;
        this.panels = panels.stream()
                .sorted(Comparator.comparingInt(OrderPanel::position))
                .toList();
        this.messages = messages;
    }

    @GetMapping("/orders")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Set<LifecycleStatus> lifecycle,
            @RequestParam(required = false) Set<PaymentStatus> payment,
            @RequestParam(required = false) Set<FulfilmentStatus> fulfilment,
            @RequestParam(required = false) Set<String> channel,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long customer,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "false") boolean flagged,
            @RequestParam(defaultValue = "PLACED") OrderSort sort,
            @RequestParam(defaultValue = "desc") String dir,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) List<String> cols,
            Actor actor,
            HttpServletRequest request,
            Model model) {
        OrderFilter filter = new OrderFilter(q, lifecycle, payment, fulfilment, channel, from, to, customer);
        if (overdue) {
            filter = filter.overdueOn(orders.today());
        }
        if (flagged) {
            filter = filter.flagged();
        }
        boolean descending = !"asc".equals(dir);
        try {
            model.addAttribute("page", orders.list(actor, filter, sort, descending, after, PAGE_SIZE));
            model.addAttribute("total", orders.count(actor, filter));
        } catch (InvalidInputException e) {
            // Say which field is wrong and show nothing rather than every order, which would look like a match.
            model.addAttribute("error", messages.withField(e.problems().get(0)));
            model.addAttribute("page", new dev.kontor.orders.OrderPage(List.of(), null));
            model.addAttribute("total", 0L);
        }
        model.addAttribute("filter", filter);
        model.addAttribute("bulkPage", java.util.UUID.randomUUID().toString()); // see BulkController.requestKey
        if (filter.query() != null && model.getAttribute("page") instanceof dev.kontor.orders.OrderPage shown) {
            model.addAttribute(
                    "matched",
                    orders.matchedKeys(
                            filter.query(),
                            shown.items().stream()
                                    .map(dev.kontor.orders.OrderSummary::id)
                                    .toList()));
            Map<Long, Marked> marks = new java.util.HashMap<>();
            shown.items()
                    .forEach(o -> marks.put(
                            o.id(), new Marked(Highlight.mark(o.number(), q), Highlight.mark(o.customerName(), q))));
            model.addAttribute("marks", marks);
        }
        boolean financeView = filter.overdueOn() != null
                || (filter.lifecycle().equals(OrderFilter.unpaid().lifecycle())
                        && filter.payment().equals(OrderFilter.unpaid().payment()));
        if (financeView && model.getAttribute("page") instanceof dev.kontor.orders.OrderPage shown) {
            model.addAttribute(
                    "financeNotes",
                    orders.notes(
                            shown.items().stream()
                                    .map(dev.kontor.orders.OrderSummary::id)
                                    .toList(),
                            NoteKind.FINANCE));
        }
        model.addAttribute("sort", sort);
        model.addAttribute("dir", descending ? "desc" : "asc");
        model.addAttribute("counts", orders.countByLifecycle(actor));
        model.addAttribute("overdueCount", orders.count(actor, OrderFilter.all().overdueOn(orders.today())));
        model.addAttribute("flaggedCount", orders.count(actor, OrderFilter.all().flagged()));
        model.addAttribute("unpaidCount", orders.count(actor, OrderFilter.unpaid()));
        model.addAttribute("savedViews", savedViews.of(actor));
        model.addAttribute("currentQuery", request.getQueryString() == null ? "" : request.getQueryString());
        model.addAttribute(
                "unpaidView",
                filter.lifecycle().equals(OrderFilter.unpaid().lifecycle())
                        && filter.payment().equals(OrderFilter.unpaid().payment()));
        model.addAttribute("unpaidByChannel", orders.countByChannel(actor, OrderFilter.unpaid()));
        model.addAttribute("channels", orders.channels());
        model.addAttribute(
                "lifecycles",
                List.of(
                        LifecycleStatus.DRAFT,
                        LifecycleStatus.NEW,
                        LifecycleStatus.APPROVED,
                        LifecycleStatus.ON_HOLD,
                        LifecycleStatus.COMPLETED,
                        LifecycleStatus.CANCELLED));
        model.addAttribute("payments", PaymentStatus.values());
        model.addAttribute("fulfilments", FulfilmentStatus.values());
        model.addAttribute("query", request.getQueryString() == null ? "" : request.getQueryString());
        model.addAttribute("bulkActions", dev.kontor.orders.BulkAction.values());
        model.addAttribute("allColumns", COLUMNS);
        model.addAttribute("cols", cols == null || cols.isEmpty() ? Set.copyOf(DEFAULT_COLUMNS) : Set.copyOf(cols));
        keepParameters(request, model);
        model.addAttribute(
                "assignees",
                users.all().stream().filter(dev.kontor.access.User::enabled).toList());
        return "orders/list";
    }

    /** An order's number and customer with what the search matched marked, as HTML. */
    record Marked(String number, String customer) {}

    /**
     * The list's parameters but the sort and the page: as a query string for sort links and the pager
     * ({@code baseQuery}, ending in "&" when not empty), and as a map for the column chooser (without the columns).
     */
    private static void keepParameters(HttpServletRequest request, Model model) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        StringBuilder base = new StringBuilder();
        request.getParameterMap().forEach((name, values) -> {
            if (List.of("sort", "dir", "after").contains(name)) {
                return;
            }
            for (String value : values) {
                base.append(UriUtils.encodeQueryParam(name, StandardCharsets.UTF_8))
                        .append('=')
                        .append(UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8))
                        .append('&');
            }
            if (!name.equals("cols")) {
                kept.put(name, Arrays.asList(values));
            }
        });
        model.addAttribute("baseQuery", base.toString());
        model.addAttribute("keptParams", kept);
    }

    @GetMapping("/orders/{id}")
    String detail(Actor actor, @PathVariable long id, Model model) {
        Order order = orders.view(actor, id);
        model.addAttribute("order", order);
        model.addAttribute("dueDate", orders.dueDate(order));
        model.addAttribute(
                "customerCounts", orders.customerCounts(actor, order.content().customerId()));
        model.addAttribute("flagReason", orders.flagReason(order.id()).orElse(null));
        model.addAttribute("lineage", orders.lineage(actor, order.id()));
        boolean canTag = order.lifecycle() != LifecycleStatus.DELETED
                && orders.verdict(actor, order, dev.kontor.access.Permission.ORDER_TAG)
                        .isAllowed();
        model.addAttribute("canTag", canTag);
        if (canTag) {
            model.addAttribute(
                    "assignees",
                    users.all().stream().filter(dev.kontor.access.User::enabled).toList());
        }
        model.addAttribute(
                "canService",
                orders.verdict(actor, order, dev.kontor.access.Permission.ORDER_SERVICE)
                        .isAllowed());
        model.addAttribute("blacklistMarks", blacklist.of(order.content().customerId()));
        model.addAttribute(
                "canBlacklist",
                permissions
                        .check(actor, dev.kontor.access.Permission.CUSTOMER_BLACKLIST, dev.kontor.access.Situation.NONE)
                        .isAllowed());
        model.addAttribute(
                "canLift",
                permissions
                        .check(
                                actor,
                                dev.kontor.access.Permission.CUSTOMER_UNBLACKLIST,
                                dev.kontor.access.Situation.NONE)
                        .isAllowed());
        model.addAttribute("overdue", orders.isOverdue(order));
        List<OrderAction> actions = OrderActions.offered(orders, actor, order);
        model.addAttribute("actions", actions);
        Map<OrderAction, Boolean> needsApproval = new java.util.EnumMap<>(OrderAction.class);
        actions.forEach(a -> needsApproval.put(
                a, !orders.verdict(actor, order, Orders.permissionFor(a)).isAllowed()));
        model.addAttribute("needsApproval", needsApproval);
        Verdict edit = orders.verdict(actor, order, Permission.ORDER_EDIT);
        model.addAttribute("canEdit", order.isEditable() && edit.isOffered());
        model.addAttribute("editNeedsApproval", !edit.isAllowed());
        model.addAttribute(
                "canNote", orders.verdict(actor, order, Permission.ORDER_NOTE).isAllowed());
        model.addAttribute("notes", orders.notes(actor, id));
        model.addAttribute(
                "stock",
                inventory.holdingsOf(id).stream()
                        .collect(java.util.stream.Collectors.toMap(Holding::orderLineId, h -> h)));
        model.addAttribute("noteKinds", NoteKind.values());
        model.addAttribute("timeline", orders.timeline(actor, id));
        model.addAttribute(
                "customer", customers.find(order.content().customerId()).orElse(null));
        model.addAttribute("people", users.displayNames(people(order)));
        Map<String, Map<String, Object>> panelData = new LinkedHashMap<>();
        for (OrderPanel panel : panels) {
            panelData.put(panel.template(), panel.data(order, actor));
        }
        model.addAttribute("panels", panelData);
        return "orders/detail";
    }

    @GetMapping("/orders/new")
    String newOrder(@RequestParam(required = false) Long customer, Model model) {
        OrderForm form = new OrderForm();
        if (customer != null) {
            customers.find(customer).ifPresent(c -> {
                form.getCustomer().setId(Long.toString(c.id()));
                form.getCustomer().setSelectedName(c.displayName());
            });
        }
        return form(form, null, Map.of(), model);
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
            Orders.Placed placed = orders.place(actor, input, !"submit".equals(save));
            if (placed.approval() != null) {
                redirectAttributes.addFlashAttribute(
                        "notice",
                        messages.get(
                                "approval.sent", messages.get(placed.approval().why())));
            }
            return redirect("/orders/" + placed.order().id(), request, response, redirectAttributes);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return form(form, null, errors(e.problems()), model);
        }
    }

    @GetMapping("/orders/{id}/edit")
    String edit(Actor actor, @PathVariable long id, Model model) {
        Order order = orders.view(actor, id);
        return form(OrderForm.of(order), order, Map.of(), model);
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
            ActionOutcome outcome = orders.edit(actor, id, form.getVersion(), input);
            if (outcome.isPendingApproval()) {
                redirectAttributes.addFlashAttribute(
                        "notice",
                        messages.get(
                                "approval.sent", messages.get(outcome.approval().why())));
            }
            return redirect("/orders/" + id, request, response, redirectAttributes);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return form(form, order, errors(e.problems()), model);
        } catch (StaleVersionException e) {
            response.setStatus(409);
            model.addAttribute("error", messages.of(e));
            return form(form, order, Map.of(), model);
        }
    }

    /** htmx: the form again, with a line added or removed; nothing is saved. */
    @PostMapping("/orders/form/lines")
    String lines(
            Actor actor,
            @ModelAttribute("form") OrderForm form,
            @RequestParam(required = false) Integer remove,
            @RequestParam(required = false) Long orderId,
            Model model) {
        if (remove != null) {
            form.removeLine(remove);
        } else {
            form.addLine();
        }
        return form(form, orderId == null ? null : orders.view(actor, orderId), Map.of(), model) + " :: lines";
    }

    /** htmx: customers matching what was typed into the customer search. */
    @GetMapping("/orders/form/customers")
    String customerSuggestions(@RequestParam(name = "customer.query", required = false) String query, Model model) {
        model.addAttribute("suggestions", query == null || query.isBlank() ? List.of() : customers.search(query, 8));
        return "orders/form :: suggestions";
    }

    /** Saves the list as filtered now as the user's own view, pinned as a tab. */
    @PostMapping("/orders/views")
    String saveView(
            Actor actor,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String query,
            RedirectAttributes redirect) {
        try {
            savedViews.save(actor, name, query, true);
            redirect.addFlashAttribute("notice", messages.get("views.saved"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", messages.withField(e.problems().get(0)));
        }
        return "redirect:/orders"
                + (query == null || query.isBlank() ? "" : "?" + dev.kontor.orders.SavedViews.clean(query));
    }

    @PostMapping("/orders/views/{viewId}/delete")
    String deleteView(Actor actor, @PathVariable long viewId) {
        savedViews.delete(actor, viewId);
        return "redirect:/orders";
    }

    /** Adds a tag to the order, or removes one. */
    @PostMapping("/orders/{id}/tags")
    String tags(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String add,
            @RequestParam(required = false) String remove,
            RedirectAttributes redirect) {
        attempt(
                redirect,
                () -> orders.retag(
                        actor,
                        id,
                        null,
                        add == null ? Set.of() : Set.of(add),
                        remove == null ? Set.of() : Set.of(remove)));
        return "redirect:/orders/" + id;
    }

    /** Makes someone (or nobody) responsible for the order. */
    @PostMapping("/orders/{id}/responsible")
    String responsible(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) Long responsibleId,
            RedirectAttributes redirect) {
        attempt(redirect, () -> orders.assign(actor, id, null, responsibleId));
        return "redirect:/orders/" + id;
    }

    /** Runs a command from a form; a refusal becomes the flash message, naming the field when there is one. */
    private void attempt(RedirectAttributes redirect, Runnable command) {
        try {
            command.run();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", messages.withField(e.problems().get(0)));
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
    }

    /** Customer service's after-sales verbs from the order page. */
    @PostMapping("/orders/{id}/service/{verb}")
    String service(
            Actor actor,
            @PathVariable long id,
            @PathVariable String verb,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) Long lineId,
            @RequestParam(required = false) String sku,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String quantity,
            @RequestParam(required = false) String amount,
            @RequestParam(required = false) List<Long> lineIds,
            @RequestParam Map<String, String> params,
            RedirectAttributes redirect) {
        long target = id;
        try {
            switch (verb) {
                case "exchange" -> orders.exchange(actor, id, version, lineId == null ? -1 : lineId, sku, reason);
                case "gift" ->
                    orders.addGift(actor, id, version, sku, name, wholeNumber(quantity, "quantity"), null, reason);
                case "rebate" ->
                    orders.rebate(
                            actor,
                            id,
                            version,
                            dev.kontor.shared.Money.parseInput(
                                    amount, orders.view(actor, id).currency(), "amount"),
                            reason);
                case "reship" ->
                    target = orders.reship(actor, id, lineIds, reason).id();
                case "price" ->
                    orders.changePrice(
                            actor,
                            id,
                            version,
                            lineId,
                            dev.kontor.shared.Money.parseInput(
                                    amount, orders.view(actor, id).currency(), "amount"),
                            reason);
                case "split" -> orders.split(actor, id, version, splitQuantities(lineIds, params), reason);
                default -> throw new dev.kontor.shared.NotFoundException("action", verb);
            }
            redirect.addFlashAttribute("notice", messages.get("order.done." + verb));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", messages.withField(e.problems().get(0)));
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/orders/" + target;
    }

    /** The ticked lines and how many units of each move ("units-<line id>"; blank: all). */
    private static Map<Long, Integer> splitQuantities(List<Long> lineIds, Map<String, String> params) {
        Map<Long, Integer> quantities = new LinkedHashMap<>();
        if (lineIds != null) {
            for (Long line : lineIds) {
                quantities.put(line, wholeNumber(params.get("units-" + line), "quantity"));
            }
        }
        return quantities;
    }

    private static Integer wholeNumber(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "validation.whole-number");
        }
    }

    @PostMapping("/orders/{id}/actions/{action}")
    String act(
            Actor actor,
            @PathVariable long id,
            @PathVariable String action,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        OrderAction verb = OrderAction.fromKey(action)
                .orElseThrow(() -> new dev.kontor.shared.NotFoundException("action", action));
        try {
            ActionOutcome outcome = orders.act(actor, id, version, verb, reason);
            redirect.addFlashAttribute(
                    "notice",
                    outcome.isPendingApproval()
                            ? messages.get(
                                    "approval.sent",
                                    messages.get(outcome.approval().why()))
                            : messages.get("order.done." + verb.key()));
        } catch (KontorException e) {
            redirect.addFlashAttribute(
                    "error",
                    e instanceof InvalidInputException invalid
                            ? messages.of(invalid.problems().get(0))
                            : messages.of(e));
        }
        return verb == OrderAction.DELETE ? "redirect:/orders" : "redirect:/orders/" + id;
    }

    @PostMapping("/orders/{id}/notes")
    String addNote(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) NoteKind kind,
            @RequestParam(required = false) String body,
            RedirectAttributes redirect) {
        try {
            orders.addNote(actor, id, kind, body);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", messages.of(e.problems().get(0)));
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/orders/" + id + "#notes";
    }

    private String form(OrderForm form, Order order, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("order", order);
        model.addAttribute("errors", errors);
        model.addAttribute("channels", orders.channels());
        model.addAttribute("markets", markets.all());
        Map<Long, String> people = new LinkedHashMap<>();
        users.all().stream().filter(u -> u.enabled()).forEach(u -> people.put(u.id(), u.displayName()));
        model.addAttribute("people", people);
        return "orders/form";
    }

    private static java.util.Set<Long> people(Order order) {
        java.util.Set<Long> ids = new java.util.HashSet<>(order.content().observerIds());
        if (order.content().responsibleId() != null) {
            ids.add(order.content().responsibleId());
        }
        return ids;
    }

    private Map<String, String> errors(List<FieldProblem> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            errors.putIfAbsent(p.field(), messages.of(p));
        }
        return errors;
    }

    /**
     * After a successful save: htmx follows HX-Redirect, a plain form post a normal redirect. Flash messages
     * go with either.
     */
    private static String redirect(
            String url, HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        if (request.getHeader("HX-Request") != null) {
            var output = org.springframework.web.servlet.support.RequestContextUtils.getOutputFlashMap(request);
            output.putAll(flash.getFlashAttributes());
            org.springframework.web.servlet.support.RequestContextUtils.saveOutputFlashMap(url, request, response);
            response.setHeader("HX-Redirect", url);
            return "fragments/empty";
        }
        return "redirect:" + url;
    }
}
