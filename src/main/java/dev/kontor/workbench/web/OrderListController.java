package dev.kontor.workbench.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.kontor.access.Actor;
import dev.kontor.access.User;
import dev.kontor.access.Users;
import dev.kontor.fields.CustomFields;
import dev.kontor.fields.FieldScope;
import dev.kontor.orders.FulfilmentStatus;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.NoteKind;
import dev.kontor.orders.OrderNotes;
import dev.kontor.orders.Orders;
import dev.kontor.orders.PaymentMethods;
import dev.kontor.orders.PaymentStatus;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.web.Flash;
import dev.kontor.web.Highlight;
import dev.kontor.web.Messages;
import dev.kontor.workbench.BulkAction;
import dev.kontor.workbench.OrderFilter;
import dev.kontor.workbench.OrderLists;
import dev.kontor.workbench.OrderMark;
import dev.kontor.workbench.OrderPage;
import dev.kontor.workbench.OrderQueryString;
import dev.kontor.workbench.OrderSort;
import dev.kontor.workbench.OrderSummary;
import dev.kontor.workbench.SavedViews;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The order list: task views as tabs with live counts, the user's saved views, one search box, filters, chosen
 * columns, sorting and paging, and the bar for bulk actions on the ticked rows or the whole list.
 */
@Controller
class OrderListController {

    static final int PAGE_SIZE = 50;
    /** The list's columns a user may show or hide (the number is always shown); saved with a view's query. */
    static final List<String> COLUMNS =
            List.of("placed", "channel", "customer", "units", "total", "status", "tags", "method", "approved");

    static final List<String> DEFAULT_COLUMNS = List.of("placed", "channel", "customer", "units", "total", "status");

    private final OrderLists lists;
    private final Orders orders;
    private final OrderNotes notes;
    private final SavedViews savedViews;
    private final Users users;
    private final Messages messages;
    private final Flash flash;

    private final CustomFields customFields;
    private final ObjectProvider<OrderMark> marks;

    OrderListController(
            OrderLists lists,
            Orders orders,
            OrderNotes notes,
            SavedViews savedViews,
            Users users,
            Messages messages,
            Flash flash,
            CustomFields customFields,
            ObjectProvider<OrderMark> marks) {
        this.marks = marks;
        this.customFields = customFields;
        this.lists = lists;
        this.orders = orders;
        this.notes = notes;
        this.savedViews = savedViews;
        this.users = users;
        this.messages = messages;
        this.flash = flash;
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
            @RequestParam(required = false) Set<String> method,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    LocalDateTime approvedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    LocalDateTime approvedTo,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "false") boolean flagged,
            @RequestParam(required = false) Set<String> mark,
            @RequestParam(defaultValue = "PLACED") OrderSort sort,
            @RequestParam(defaultValue = "desc") String dir,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) List<String> cols,
            Actor actor,
            HttpServletRequest request,
            Model model) {
        OrderFilter filter = new OrderFilter(q, lifecycle, payment, fulfilment, channel, from, to, customer)
                .paidByAndApproved(method, approvedFrom, approvedTo);
        if (overdue) {
            filter = filter.overdueOn(orders.today());
        }
        if (flagged) {
            filter = filter.flagged();
        }
        filter = filter.withCustomFields(OrderQueryString.customFieldsOf(request.getParameterMap()))
                .withMarks(mark == null ? Set.of() : mark);
        model.addAttribute("orderMarks", marks.orderedStream().toList());
        boolean descending = !"asc".equals(dir);
        OrderPage page = page(actor, filter, sort, descending, after, model);
        model.addAttribute("filter", filter);
        model.addAttribute("customFieldDefs", customFields.active(FieldScope.ORDER));
        model.addAttribute("bulkPage", UUID.randomUUID().toString()); // see OrderBulkController.requestKey
        showMatches(filter, q, page, model);
        if (isFinanceView(filter)) {
            model.addAttribute("financeNotes", notes.of(ids(page), NoteKind.FINANCE));
        }
        model.addAttribute("sort", sort);
        model.addAttribute("dir", descending ? "desc" : "asc");
        addCounts(actor, model);
        model.addAttribute("savedViews", savedViews.of(actor));
        model.addAttribute("currentQuery", request.getQueryString() == null ? "" : request.getQueryString());
        model.addAttribute("unpaidView", isUnpaidView(filter));
        model.addAttribute("channels", orders.channels());
        model.addAttribute("paymentMethods", PaymentMethods.KNOWN);
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
        model.addAttribute("bulkActions", BulkAction.values());
        model.addAttribute("allColumns", COLUMNS);
        model.addAttribute("customColumns", customFields.active(FieldScope.ORDER)); // shown as "cf.<key>" in cols
        model.addAttribute("cols", cols == null || cols.isEmpty() ? Set.copyOf(DEFAULT_COLUMNS) : Set.copyOf(cols));
        keepParameters(request, model);
        model.addAttribute(
                "assignees", users.all().stream().filter(User::enabled).toList());
        return "workbench/list";
    }

    /** The page, or, when the filter is refused, the field named and nothing rather than every order. */
    private OrderPage page(
            Actor actor, OrderFilter filter, OrderSort sort, boolean descending, String after, Model model) {
        try {
            OrderPage page = lists.list(actor, filter, sort, descending, after, PAGE_SIZE);
            model.addAttribute("page", page);
            model.addAttribute("total", lists.count(actor, filter));
            return page;
        } catch (InvalidInputException e) {
            model.addAttribute("error", messages.withField(e.problems().get(0)));
            model.addAttribute("page", new OrderPage(List.of(), null));
            model.addAttribute("total", 0L);
            return null;
        }
    }

    /** Each row's number and customer with what the search matched marked, and why the row matched. */
    private void showMatches(OrderFilter filter, String q, OrderPage page, Model model) {
        if (filter.query() == null || page == null) {
            return;
        }
        model.addAttribute("matched", lists.matchedKeys(filter.query(), ids(page)));
        Map<Long, Marked> marks = new HashMap<>();
        page.items()
                .forEach(o -> marks.put(
                        o.id(), new Marked(Highlight.mark(o.number(), q), Highlight.mark(o.customerName(), q))));
        model.addAttribute("marks", marks);
    }

    private void addCounts(Actor actor, Model model) {
        model.addAttribute("counts", lists.countByLifecycle(actor));
        model.addAttribute("allCount", lists.count(actor, OrderFilter.all()));
        model.addAttribute("toShipCount", orders.shippableCount(actor));
        model.addAttribute("overdueCount", lists.count(actor, OrderFilter.all().overdueOn(orders.today())));
        model.addAttribute("flaggedCount", lists.count(actor, OrderFilter.all().flagged()));
        model.addAttribute("unpaidCount", lists.count(actor, OrderFilter.unpaid()));
        model.addAttribute("unpaidByChannel", lists.countByChannel(actor, OrderFilter.unpaid()));
    }

    private static List<Long> ids(OrderPage page) {
        return page == null
                ? List.of()
                : page.items().stream().map(OrderSummary::id).toList();
    }

    private static boolean isUnpaidView(OrderFilter filter) {
        return filter.lifecycle().equals(OrderFilter.unpaid().lifecycle())
                && filter.payment().equals(OrderFilter.unpaid().payment());
    }

    private static boolean isFinanceView(OrderFilter filter) {
        return filter.overdueOn() != null || isUnpaidView(filter);
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
        model.addAttribute(
                "filtered",
                kept.entrySet().stream()
                        .filter(p -> !p.getKey().equals("lang"))
                        .anyMatch(p -> p.getValue().stream().anyMatch(v -> v != null && !v.isBlank())));
    }

    /** Saves the list as filtered now as the user's own view, pinned as a tab. */
    @PostMapping("/orders/views")
    String saveView(
            Actor actor,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String query,
            RedirectAttributes redirect) {
        if (flash.attempt(redirect, () -> savedViews.save(actor, name, query, true))) {
            flash.notice(redirect, "views.saved");
        }
        return "redirect:/orders" + (query == null || query.isBlank() ? "" : "?" + SavedViews.clean(query));
    }

    @PostMapping("/orders/views/{viewId}/delete")
    String deleteView(Actor actor, @PathVariable long viewId) {
        savedViews.delete(actor, viewId);
        return "redirect:/orders";
    }
}
