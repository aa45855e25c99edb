package dev.kontor.workbench.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.bulk.BulkJob;
import dev.kontor.orders.Orders;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.web.Downloads;
import dev.kontor.web.Flash;
import dev.kontor.web.Messages;
import dev.kontor.workbench.BulkAction;
import dev.kontor.workbench.OrderBulk;
import dev.kontor.workbench.OrderExport;
import dev.kontor.workbench.OrderQueryString;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bulk actions from an order list: on the ticked rows or on every order the list shows. Approve, hold, release,
 * tag, untag and assign run as a background job whose page shows the progress and each order's result; the CSV
 * export is written at once.
 */
@Controller
class OrderBulkController {

    private final OrderBulk bulk;
    private final OrderExport export;
    private final Orders orders;
    private final Messages messages;
    private final Flash flash;

    OrderBulkController(OrderBulk bulk, OrderExport export, Orders orders, Messages messages, Flash flash) {
        this.bulk = bulk;
        this.export = export;
        this.orders = orders;
        this.messages = messages;
        this.flash = flash;
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
            BulkAction verb = BulkAction.parse(action);
            String argument = OrderBulk.argument(verb, reason, tag, responsibleId);
            String key = requestKey(page, verb, argument, all, query, ids);
            BulkJob job = all
                    ? bulk.startForList(actor, verb, argument, OrderQueryString.parse(query, orders.today()), key)
                    : bulk.start(actor, verb, argument, ids, key);
            flash.notice(redirect, "bulk.started", job.id(), job.total());
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
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
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
            export.matching(
                    actor, OrderQueryString.parse(query, orders.today()), Downloads.csv(response, "orders.csv"));
        } else {
            export.chosen(actor, ids, Downloads.csv(response, "orders.csv"));
        }
    }
}
