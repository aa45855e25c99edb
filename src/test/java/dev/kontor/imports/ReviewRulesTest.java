package dev.kontor.imports;

import java.util.List;
import java.util.Map;

import dev.kontor.imports.read.MarketStatus;
import dev.kontor.imports.read.StagedOrder;
import dev.kontor.shared.Message;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shop's review rules decide which imported orders are approved at once, and say why the others wait. */
class ReviewRulesTest {

    private static final ReviewRuleSettings RULES =
            new ReviewRuleSettings(true, true, Map.of("CNY", 100000L), null, null);

    private static StagedOrder order(MarketStatus status, String buyerMessage) {
        return new StagedOrder(
                "1",
                2,
                null,
                null,
                "王小明",
                null,
                null,
                null,
                null,
                null,
                "CNY",
                null,
                null,
                null,
                null,
                10000L,
                10000L,
                null,
                status,
                null,
                null,
                buyerMessage,
                null,
                "ALIPAY");
    }

    private static List<String> keys(List<Message> reasons) {
        return reasons.stream().map(Message::key).toList();
    }

    @Test
    void aPaidOrderWithoutWarningsOrMessageUnderTheLimitIsApproved() {
        assertThat(ReviewRules.reasons(RULES, order(MarketStatus.PAID, null), ImportVerdict.READY, 10000, "CNY"))
                .isEmpty();
    }

    @Test
    void eachRuleItBreaksIsAReason() {
        assertThat(keys(ReviewRules.reasons(
                        RULES, order(MarketStatus.UNPAID, "请用礼盒"), ImportVerdict.WARNING, 100001, "CNY")))
                .containsExactly(
                        "import.review.unpaid",
                        "import.review.warnings",
                        "import.review.buyer-message",
                        "import.review.over");
    }

    @Test
    void theLimitIsPerCurrencyAndABuyerMessageMayBeAllowed() {
        var lenient = new ReviewRuleSettings(true, false, Map.of("CNY", 100000L), null, null);
        assertThat(ReviewRules.reasons(lenient, order(MarketStatus.PAID, "快点发"), ImportVerdict.READY, 500000, "EUR"))
                .isEmpty();
    }

    @Test
    void withTheRulesOffEveryOrderWaits() {
        var off = new ReviewRuleSettings(false, true, Map.of(), null, null);
        assertThat(keys(ReviewRules.reasons(off, order(MarketStatus.PAID, null), ImportVerdict.READY, 1, "CNY")))
                .containsExactly("import.review.manual");
    }
}
