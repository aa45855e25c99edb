package dev.kontor.payments.web;

import dev.kontor.access.Actor;
import dev.kontor.orders.Orders;
import dev.kontor.payments.PaymentKind;
import dev.kontor.payments.PaymentRequest;
import dev.kontor.payments.PaymentState;
import dev.kontor.payments.Payments;
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
    private final Orders orders;
    private final Messages messages;

    PaymentController(Payments payments, Orders orders, Messages messages) {
        this.payments = payments;
        this.orders = orders;
        this.messages = messages;
    }

    @PostMapping("/orders/{id}/payments")
    String record(Actor actor, @PathVariable long id, @RequestParam PaymentKind kind,
                  @RequestParam(required = false) String amount, @RequestParam(required = false) String method,
                  @RequestParam(required = false) String reference, @RequestParam(defaultValue = "false") boolean pending,
                  RedirectAttributes redirect) {
        String currency = orders.view(actor, id).currency();
        try {
            Long minor = parse(amount, currency);
            payments.record(actor, id, new PaymentRequest(kind, minor, currency, method, reference, null,
                    pending ? PaymentState.PENDING : PaymentState.SUCCEEDED));
            redirect.addFlashAttribute("notice", messages.get(kind == PaymentKind.REFUND ? "refund.done" : "payment.done"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", messages.withField(e.problems().get(0)));
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/orders/" + id + "#payments";
    }

    @PostMapping("/orders/{id}/payments/{paymentId}/settle")
    String settle(Actor actor, @PathVariable long id, @PathVariable long paymentId, @RequestParam PaymentState state,
                  RedirectAttributes redirect) {
        try {
            payments.settle(actor, id, paymentId, state);
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/orders/" + id + "#payments";
    }

    private static Long parse(String amount, String currency) {
        if (amount == null || amount.isBlank()) {
            return null;
        }
        try {
            return Money.parse(amount.strip().replace(',', '.'), currency).minor();
        } catch (NumberFormatException | ArithmeticException e) {
            throw InvalidInputException.of("amount", "validation.amount");
        }
    }
}
