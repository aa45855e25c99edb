package dev.kontor.orders.web;

import java.io.IOException;
import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.access.Users;
import dev.kontor.orders.BulkAction;
import dev.kontor.orders.BulkJob;
import dev.kontor.orders.BulkJobs;
import dev.kontor.orders.OrderExport;
import dev.kontor.orders.Orders;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.web.Downloads;
import dev.kontor.web.Messages;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bulk actions from an order list: on the ticked rows or on every order the list shows. Approve, hold, release,
 * tag, untag and assign run as a background job whose page shows the progress and each order's result; the CSV
 * export is written at once.
 */
@Controller
class BulkController {

    private static final int ITEMS_SHOWN = 500;

    private final BulkJobs jobs;
    private final OrderExport export;
    private final Orders orders;
    private final Users users;
    private final Messages messages;

    BulkController(BulkJobs jobs, OrderExport export, Orders orders, Users users, Messages messages) {
        this.jobs = jobs;
        this.export = export;
        this.orders = orders;
        this.users = users;
        this.messages = messages;
    }

    @PostMapping("/orders/bulk")
    String start(
            Actor actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) List<Long> ids,
            @RequestParam(defaultValue = "false") boolean all,
            @RequestParam(required = false) String query,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String responsibleId,
            @RequestParam(required = false) String page,
            RedirectAttributes redirect) {
        try {
            BulkAction verb = BulkActions.parse(action);
            String argument = switch (verb) {
                case HOLD -> reason;
                case TAG, UNTAG -> tag;
                case ASSIGN -> responsibleId;
                default -> null;
            };
            String key = requestKey(page, verb, argument, all, query, ids);
            BulkJob job = all
                    ? jobs.startForFilter(actor, verb, argument, ListQuery.parse(query, orders.today()), key)
                    : jobs.start(actor, verb, argument, ids, key);
            redirect.addFlashAttribute("notice", messages.get("bulk.started", job.id(), job.total()));
            return "redirect:/orders/bulk/" + job.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", messages.withField(e.problems().get(0)));
            return "redirect:/orders" + (query == null || query.isBlank() ? "" : "?" + query);
        }
    }

    /**
     * The same request from the same rendered list (its {@code page} token) gets the same key, so sending it again
     * finds the job it started; another action or other orders from that page are another request. No token (an
     * old page, a hand-made request): no key.
     */
    static String requestKey(
            String page, BulkAction action, String argument, boolean all, String query, List<Long> ids) {
        if (page == null || page.isBlank()) {
            return null;
        }
        String request = String.join(
                "\n",
                page,
                action.name(),
                String.valueOf(argument),
                String.valueOf(all),
                all ? String.valueOf(query) : String.valueOf(ids));
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(request.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** The ticked rows, or every order the list shows when none is ticked, as CSV. */
    @PostMapping("/orders/export")
    void export(
            Actor actor,
            @RequestParam(required = false) List<Long> ids,
            @RequestParam(defaultValue = "false") boolean all,
            @RequestParam(required = false) String query,
            HttpServletResponse response)
            throws IOException {
        if (all || ids == null || ids.isEmpty()) {
            export.matching(actor, ListQuery.parse(query, orders.today()), Downloads.csv(response, "orders.csv"));
        } else {
            export.chosen(actor, ids, Downloads.csv(response, "orders.csv"));
        }
    }

    @GetMapping("/orders/bulk")
    String latest(Actor actor, Model model) {
        model.addAttribute("jobs", jobs.latest(actor, 50));
        return "orders/bulk-jobs";
    }

    @GetMapping("/orders/bulk/{id}")
    String job(
            Actor actor, @PathVariable long id, @RequestParam(defaultValue = "false") boolean problems, Model model) {
        show(actor, id, problems, model);
        return "orders/bulk-job";
    }

    /** The progress and results, polled by the job page until the job is finished. */
    @GetMapping("/orders/bulk/{id}/progress")
    String progress(
            Actor actor, @PathVariable long id, @RequestParam(defaultValue = "false") boolean problems, Model model) {
        show(actor, id, problems, model);
        return "orders/bulk-job :: progress";
    }

    private void show(Actor actor, long id, boolean problems, Model model) {
        BulkJob job = jobs.get(actor, id);
        model.addAttribute("job", job);
        model.addAttribute("problemsOnly", problems);
        model.addAttribute("statuses", dev.kontor.orders.BulkItemStatus.values());
        model.addAttribute("items", jobs.items(actor, id, problems, 0, ITEMS_SHOWN));
        model.addAttribute("shownLimit", ITEMS_SHOWN);
        model.addAttribute(
                "assignee",
                job.action() == BulkAction.ASSIGN && job.argument() != null
                        ? users.displayNames(List.of(Long.valueOf(job.argument())))
                                .get(Long.valueOf(job.argument()))
                        : null);
    }
}
