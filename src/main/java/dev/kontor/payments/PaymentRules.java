package dev.kontor.payments;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderLine;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.Money;
import dev.kontor.shared.Problems;
import dev.kontor.shared.Text;

/**
 * The payment axis' rules: when money may be recorded against an order, and how much. A refund never
 * exceeds what was paid and kept; a payment never exceeds what is still owed; both are in the order's
 * currency.
 */
public final class PaymentRules {

    private PaymentRules() {}

    public static void check(Order order, PaymentRequest request) {
        Problems problems = new Problems();
        if (request.kind() == null) {
            problems.add("kind", "validation.required");
        } else if (request.kind() != PaymentKind.PAYMENT && request.kind() != PaymentKind.REFUND) {
            problems.add("kind", "validation.payment.kind"); // transfers are made by splitting an order
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
            throw new ActionRefusedException(
                    request.kind().name().toLowerCase(Locale.ROOT),
                    lifecycle.name(),
                    "payment.refused.order-closed",
                    lifecycle);
        }
        if (request.kind() == PaymentKind.PAYMENT && request.amount() > order.outstanding() - order.pending()) {
            throw InvalidInputException.of(
                    "amount", "payment.refused.more-than-owed", money(order.outstanding() - order.pending(), order));
        }
        if (request.kind() == PaymentKind.REFUND && request.amount() > order.paid() - order.refunded()) {
            throw InvalidInputException.of(
                    "amount", "payment.refused.refund-too-large", money(order.paid() - order.refunded(), order));
        }
    }

    /**
     * Checks a refund's lines against the order: each line once, of this order, a positive quantity no larger than
     * what is left to refund of it, and goods coming back only as far as they were shipped and have not come back
     * yet (by a return the warehouse received, or an earlier refund).
     * Returns what the lines are worth (their share of each line's total), which the refund's amount defaults to.
     *
     * @param refunded units of each order line refunded before
     */
    public static long checkLines(Order order, PaymentRequest request, Map<Long, Integer> refunded) {
        if (request.lines().isEmpty()) {
            return 0;
        }
        Problems problems = new Problems();
        if (request.kind() != PaymentKind.REFUND) {
            problems.add("lines", "validation.refund.lines-on-payment");
            problems.throwIfAny();
        }
        Map<Long, OrderLine> lines = new HashMap<>();
        order.lines().forEach(l -> lines.put(l.id(), l));
        Set<Long> seen = new HashSet<>();
        long value = 0;
        for (int i = 0; i < request.lines().size(); i++) {
            RefundLine r = request.lines().get(i);
            String at = "lines[" + i + "].";
            if (r == null || r.orderLineId() == null) {
                problems.add(at + "orderLineId", "validation.required");
                continue;
            }
            OrderLine line = lines.get(r.orderLineId());
            if (line == null) {
                problems.add(at + "orderLineId", "order.refused.unknown-line", r.orderLineId());
                continue;
            }
            if (!seen.add(line.id())) {
                problems.add(at + "orderLineId", "validation.refund.duplicate-line", line.sku());
                continue;
            }
            if (r.goods() == null) {
                problems.add(at + "goods", "validation.required");
            }
            if (r.quantity() == null) {
                problems.add(at + "quantity", "validation.required");
                continue;
            }
            if (r.quantity() <= 0) {
                problems.add(at + "quantity", "validation.positive");
                continue;
            }
            int left = line.quantity() - refunded.getOrDefault(line.id(), 0);
            int back = line.returnableQuantity();
            if (r.quantity() > left) {
                problems.add(at + "quantity", "validation.refund.more-than-ordered", line.sku(), Math.max(left, 0));
            } else if (r.goods() != null && r.goods().returnsGoods() && r.quantity() > back) {
                problems.add(at + "quantity", "validation.refund.more-than-shipped", line.sku(), Math.max(back, 0));
            } else {
                value += Math.floorDiv(Math.multiplyExact(line.total(), (long) r.quantity()), line.quantity());
            }
        }
        problems.throwIfAny();
        return value;
    }

    private static String money(long amount, Order order) {
        return Money.of(Math.max(amount, 0), order.currency()).toString();
    }
}
