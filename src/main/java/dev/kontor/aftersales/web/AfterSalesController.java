package dev.kontor.aftersales.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.kontor.access.Actor;
import dev.kontor.aftersales.AfterSales;
import dev.kontor.aftersales.Reshipments;
import dev.kontor.aftersales.Splits;
import dev.kontor.orders.ActionOutcome;
import dev.kontor.orders.Orders;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.Money;
import dev.kontor.web.Flash;
import dev.kontor.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Customer service's after-sales verbs from the order page's forms, one address each. Done: back to the order (the
 * new one, for a re-shipment) with a notice; refused: back with the reason, naming the field.
 */
@Controller
class AfterSalesController {

    private final AfterSales afterSales;
    private final Reshipments reshipments;
    private final Splits splits;
    private final Orders orders;
    private final Flash flash;
    private final Messages messages;

    AfterSalesController(
            AfterSales afterSales,
            Reshipments reshipments,
            Splits splits,
            Orders orders,
            Flash flash,
            Messages messages) {
        this.afterSales = afterSales;
        this.reshipments = reshipments;
        this.splits = splits;
        this.orders = orders;
        this.flash = flash;
        this.messages = messages;
    }

    @PostMapping("/orders/{id}/service/exchange")
    String exchange(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) Long lineId,
            @RequestParam(required = false) String sku,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return done(
                redirect,
                id,
                "exchange",
                () -> afterSales.exchange(actor, id, version, lineId == null ? -1 : lineId, sku, reason));
    }

    @PostMapping("/orders/{id}/service/gift")
    String gift(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String sku,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String quantity,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return done(
                redirect,
                id,
                "gift",
                () -> afterSales.addGift(
                        actor, id, version, sku, name, wholeNumber(quantity, "quantity"), null, reason));
    }

    @PostMapping("/orders/{id}/service/rebate")
    String rebate(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String amount,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return doneOrAsked(
                redirect, id, "rebate", () -> afterSales.rebate(actor, id, version, money(actor, id, amount), reason));
    }

    @PostMapping("/orders/{id}/service/price")
    String price(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) Long lineId,
            @RequestParam(required = false) String amount,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return doneOrAsked(
                redirect,
                id,
                "price",
                () -> afterSales.changePrice(actor, id, version, lineId, money(actor, id, amount), reason));
    }

    @PostMapping("/orders/{id}/service/reship")
    String reship(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) List<Long> lineIds,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        long[] target = {id};
        if (flash.attempt(
                redirect,
                () -> target[0] = reshipments.reship(actor, id, lineIds, reason).id())) {
            flash.notice(redirect, "order.done.reship");
        }
        return "redirect:/orders/" + target[0];
    }

    /** The ticked lines and how many units of each move ("units-<line id>"; blank: all). */
    @PostMapping("/orders/{id}/service/split")
    String split(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) List<Long> lineIds,
            @RequestParam(required = false) String reason,
            @RequestParam Map<String, String> params,
            RedirectAttributes redirect) {
        return done(
                redirect,
                id,
                "split",
                () -> splits.split(actor, id, version, splitQuantities(lineIds, params), reason));
    }

    private String done(RedirectAttributes redirect, long id, String verb, Runnable command) {
        if (flash.attempt(redirect, command)) {
            flash.notice(redirect, "order.done." + verb);
        }
        return "redirect:/orders/" + id;
    }

    /** Done, or asked of a supervisor (a discount beyond the limit): the notice says which. */
    private String doneOrAsked(RedirectAttributes redirect, long id, String verb, Supplier<ActionOutcome> command) {
        ActionOutcome[] outcome = {null};
        if (flash.attempt(redirect, () -> outcome[0] = command.get())) {
            if (outcome[0].isPendingApproval()) {
                flash.notice(
                        redirect,
                        "approval.sent",
                        messages.get(outcome[0].approval().why()));
            } else {
                flash.notice(redirect, "order.done." + verb);
            }
        }
        return "redirect:/orders/" + id;
    }

    private Long money(Actor actor, long id, String amount) {
        return Money.parseInput(amount, orders.view(actor, id).currency(), "amount");
    }

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
}
