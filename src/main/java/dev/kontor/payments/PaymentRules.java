package dev.kontor.payments;

import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.Order;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.Problems;
import dev.kontor.shared.Text;

/**
 * The payment axis' rules: when money may be recorded against an order, and how much. A refund never
 * exceeds what was paid and kept; a payment never exceeds what is still owed; both are in the order's
 * currency.
 */
public final class PaymentRules {

    private PaymentRules() {
    }

    public static void check(Order order, PaymentRequest request) {
        Problems problems = new Problems();
        if (request.kind() == null) {
            problems.add("kind", "validation.required");
        }
        if (request.amount() == null) {
            problems.add("amount", "validation.required");
        } else if (request.amount() <= 0) {
            problems.add("amount", "validation.positive");
        }
        if (request.currency() == null) {
            problems.add("currency", "validation.required");
        } else if (!request.currency().equals(order.currency())) {
            problems.add("currency", "validation.payment.currency", order.currency());
        }
        if (Text.clean(request.method()) == null) {
            problems.add("method", "validation.required");
        } else if (request.method().length() > 50) {
            problems.add("method", "validation.too-long", 50);
        }
        if (request.reference() != null && request.reference().length() > 200) {
            problems.add("reference", "validation.too-long", 200);
        }
        PaymentState state = request.state() == null ? PaymentState.SUCCEEDED : request.state();
        if (state != PaymentState.SUCCEEDED && state != PaymentState.PENDING) {
            problems.add("state", "validation.payment.state");
        } else if (request.kind() == PaymentKind.REFUND && state != PaymentState.SUCCEEDED) {
            problems.add("state", "validation.payment.refund-state");
        }
        problems.throwIfAny();
        LifecycleStatus lifecycle = order.lifecycle();
        if (lifecycle == LifecycleStatus.CANCELLED || lifecycle == LifecycleStatus.DELETED) {
            throw new ActionRefusedException(request.kind().name().toLowerCase(java.util.Locale.ROOT), lifecycle.name(),
                    "payment.refused.order-closed", lifecycle);
        }
        if (request.kind() == PaymentKind.PAYMENT && request.amount() > order.outstanding() - order.pending()) {
            throw new ActionRefusedException("payment", order.paymentStatus().name(), "payment.refused.more-than-owed",
                    money(order.outstanding() - order.pending(), order));
        }
        if (request.kind() == PaymentKind.REFUND && request.amount() > order.paid() - order.refunded()) {
            throw new ActionRefusedException("refund", order.paymentStatus().name(), "payment.refused.refund-too-large",
                    money(order.paid() - order.refunded(), order));
        }
    }

    private static String money(long amount, Order order) {
        return dev.kontor.shared.Money.of(Math.max(amount, 0), order.currency()).toString();
    }
}
