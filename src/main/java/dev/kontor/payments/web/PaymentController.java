package dev.kontor.payments.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderLine;
import dev.kontor.orders.Orders;
import dev.kontor.payments.PaymentKind;
import dev.kontor.payments.PaymentLinks;
import dev.kontor.payments.PaymentRequest;
import dev.kontor.payments.PaymentState;
import dev.kontor.payments.Payments;
import dev.kontor.payments.RefundGoods;
import dev.kontor.payments.RefundLine;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.KontorException;
import dev.kontor.shared.Money;
import dev.kontor.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Records payments and refunds from the order page. */
@Controller
class PaymentController {

    private final Payments payments;
    private final PaymentLinks links;
    private final Orders orders;
    private final Messages messages;

    PaymentController(Payments payments, PaymentLinks links, Orders orders, Messages messages) {
        this.payments = payments;
        this.links = links;
        this.orders = orders;
        this.messages = messages;
    }

    @PostMapping("/orders/{id}/payments")
    String record(
            Actor actor,
            @PathVariable long id,
            @RequestParam PaymentKind kind,
            @RequestParam(required = false) String amount,
            @RequestParam(required = false) String method,
            @RequestParam(required = false) String reference,
            @RequestParam(defaultValue = "false") boolean pending,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        Order order = orders.view(actor, id);
        String currency = order.currency();
        try {
            Long minor = Money.parseInput(amount, currency, "amount");
            payments.record(
                    actor,
                    id,
                    new PaymentRequest(
                            kind,
                            minor,
                            currency,
                            method,
                            reference,
                            null,
                            pending ? PaymentState.PENDING : PaymentState.SUCCEEDED,
                            refundLines(order, form)));
            redirect.addFlashAttribute(
                    "notice", messages.get(kind == PaymentKind.REFUND ? "refund.done" : "payment.done"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", messages.withField(e.problems().get(0)));
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/orders/" + id + "#payments";
    }

    @PostMapping("/orders/{id}/payments/{paymentId}/settle")
    String settle(
            Actor actor,
            @PathVariable long id,
            @PathVariable long paymentId,
            @RequestParam PaymentState state,
            RedirectAttributes redirect) {
        try {
            payments.settle(actor, id, paymentId, state);
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/orders/" + id + "#payments";
    }

    /** Sends the invoice e-mail with the payment link (made if the draft has none). */
    @PostMapping("/orders/{id}/invoice")
    String sendInvoice(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        try {
            links.sendInvoice(actor, id);
            redirect.addFlashAttribute("notice", messages.get("invoice.queued"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", messages.withField(e.problems().get(0)));
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/orders/" + id + "#payments";
    }

    /** Makes the payment link without mailing it, to share in a chat. */
    @PostMapping("/orders/{id}/payment-link")
    String link(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        try {
            links.linkFor(actor, id);
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/orders/" + id + "#payments";
    }

    /** The refund form's rows: {@code qty_<line id>} units, {@code goods_<line id>} what becomes of them. */
    private static List<RefundLine> refundLines(Order order, Map<String, String> form) {
        List<RefundLine> lines = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            String quantity = form.get("qty_" + line.id());
            if (quantity == null || quantity.isBlank()) {
                continue;
            }
            int units;
            try {
                units = Integer.parseInt(quantity.strip());
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("lines[" + lines.size() + "].quantity", "validation.whole-number");
            }
            if (units == 0) {
                continue;
            }
            String goods = form.getOrDefault("goods_" + line.id(), "NONE");
            try {
                lines.add(new RefundLine(line.id(), units, RefundGoods.valueOf(goods)));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("lines[" + lines.size() + "].goods", "validation.refund.goods", goods);
            }
        }
        return lines;
    }
}
