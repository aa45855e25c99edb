package dev.kontor.imports;

import java.util.ArrayList;
import java.util.List;

import dev.kontor.imports.read.MarketStatus;
import dev.kontor.imports.read.StagedOrder;
import dev.kontor.shared.Message;
import dev.kontor.shared.Money;

/**
 * Whether an imported order may skip review under the shop's rules, and if not, why: plain rules, tested on their
 * own. An order the marketplace already shipped or closed is not for review at all (it is recorded as it is).
 */
final class ReviewRules {

    private ReviewRules() {}

    /** Why the order waits for review; empty when it is approved at once. */
    static List<Message> reasons(
            ReviewRuleSettings rules, StagedOrder order, ImportVerdict verdict, long total, String currency) {
        List<Message> reasons = new ArrayList<>();
        if (!rules.enabled()) {
            reasons.add(Message.of("import.review.manual"));
            return reasons;
        }
        if (order.status() != MarketStatus.PAID) {
            reasons.add(Message.of("import.review.unpaid"));
        }
        if (verdict == ImportVerdict.WARNING) {
            reasons.add(Message.of("import.review.warnings"));
        }
        if (rules.withoutBuyerMessage() && order.buyerMessage() != null) {
            reasons.add(Message.of("import.review.buyer-message"));
        }
        Long max = rules.maxTotals().get(currency);
        if (max != null && total > max) {
            reasons.add(Message.of("import.review.over", Money.of(max, currency)));
        }
        return reasons;
    }
}
