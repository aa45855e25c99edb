package dev.kontor.documents;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderGuard;

/**
 * Seed 003's "document arrived" (到单) as rules, tested without a database: which orders need their signed order
 * document back, that such an order is approved only once it arrived, and that an order whose signed document stands
 * is voided only after the arrival is cancelled.
 */
public final class SignedDocumentRules {

    private SignedDocumentRules() {}

    /** Whether an order of this channel and customer needs it: a channel named, or any business customer. */
    public static boolean required(String channel, boolean businessCustomer, String channels, boolean companies) {
        List<String> named = Arrays.stream(channels.split(","))
                .map(String::strip)
                .filter(c -> !c.isEmpty())
                .toList();
        return named.contains(channel) || (companies && businessCustomer);
    }

    /** What the arrival says about a lifecycle action. */
    public static Optional<OrderGuard.Refusal> check(OrderAction action, boolean required, boolean arrived) {
        if (action == OrderAction.APPROVE && required && !arrived) {
            return Optional.of(new OrderGuard.Refusal("order.refused.signed-document-missing", List.of()));
        }
        if (action == OrderAction.CANCEL && arrived) {
            return Optional.of(new OrderGuard.Refusal("order.refused.signed-document-arrived", List.of()));
        }
        return Optional.empty();
    }
}
