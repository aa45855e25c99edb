package dev.kontor.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.kontor.orders.LifecycleStatus.APPROVED;
import static dev.kontor.orders.LifecycleStatus.CANCELLED;
import static dev.kontor.orders.LifecycleStatus.COMPLETED;
import static dev.kontor.orders.LifecycleStatus.DELETED;
import static dev.kontor.orders.LifecycleStatus.DRAFT;
import static dev.kontor.orders.LifecycleStatus.NEW;
import static dev.kontor.orders.LifecycleStatus.ON_HOLD;
import static org.assertj.core.api.Assertions.assertThat;

/** The lifecycle's rules on their own: no Spring, no database. */
class LifecycleRulesTest {

    /**
     * Where each action leads from each state for an ordinary order (lines, an address, nothing paid or
     * shipped), written out independently of {@link LifecycleRules}. A missing pair means "refused".
     * An on-hold order here was held while approved.
     */
    private static final Map<OrderAction, Map<LifecycleStatus, LifecycleStatus>> EXPECTED = Map.of(
            OrderAction.SUBMIT, Map.of(DRAFT, NEW),
            OrderAction.APPROVE, Map.of(NEW, APPROVED),
            OrderAction.HOLD, Map.of(NEW, ON_HOLD, APPROVED, ON_HOLD),
            OrderAction.RELEASE, Map.of(ON_HOLD, APPROVED),
            OrderAction.CANCEL, Map.of(NEW, CANCELLED, APPROVED, CANCELLED, ON_HOLD, CANCELLED),
            OrderAction.COMPLETE, Map.of(),
            OrderAction.DELETE, Map.of(DRAFT, DELETED));

    static Stream<Arguments> everyStateAndAction() {
        List<Arguments> pairs = new ArrayList<>();
        for (LifecycleStatus state : LifecycleStatus.values()) {
            for (OrderAction action : OrderAction.values()) {
                pairs.add(Arguments.of(state, action, EXPECTED.get(action).get(state)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{1} on {0} → {2}")
    @MethodSource("everyStateAndAction")
    void everyActionFromEveryStateIsAllowedOnlyWhereTheTableSays(
            LifecycleStatus state, OrderAction action, LifecycleStatus expected) {
        Decision decision = LifecycleRules.decide(action, facts(state));
        if (expected == null) {
            assertThat(decision).isInstanceOf(Decision.Refused.class);
        } else {
            assertThat(decision).isEqualTo(new Decision.Allowed(expected));
        }
    }

    @Test
    void aRefusalOutsideTheTableNamesTheActionAndTheState() {
        Decision decision = LifecycleRules.decide(OrderAction.APPROVE, facts(CANCELLED));
        assertThat(decision)
                .isEqualTo(new Decision.Refused("order.refused.not-in-state", List.of(OrderAction.APPROVE, CANCELLED)));
    }

    @Test
    void releasingReturnsAnOrderToWhereItWasHeld() {
        OrderFacts heldWhileNew =
                new OrderFacts(ON_HOLD, NEW, true, true, PaymentStatus.UNPAID, FulfilmentStatus.UNFULFILLED, 0, 0, 0);
        assertThat(LifecycleRules.decide(OrderAction.RELEASE, heldWhileNew)).isEqualTo(new Decision.Allowed(NEW));
    }

    @Nested
    @DisplayName("voiding (Alibaba CRM rules)")
    class Voiding {

        @Test
        void aPaidOrderMustBeRefundedBeforeItIsVoided() {
            OrderFacts paid = new OrderFacts(
                    APPROVED, null, true, true, PaymentStatus.PAID, FulfilmentStatus.UNFULFILLED, 5000, 0, 0);
            assertThat(reason(LifecycleRules.decide(OrderAction.CANCEL, paid)))
                    .isEqualTo("order.refused.paid-refund-first");
        }

        @Test
        void aFullyRefundedOrderMayBeVoided() {
            OrderFacts refunded = new OrderFacts(
                    APPROVED, null, true, true, PaymentStatus.REFUNDED, FulfilmentStatus.UNFULFILLED, 5000, 5000, 0);
            assertThat(LifecycleRules.decide(OrderAction.CANCEL, refunded)).isEqualTo(new Decision.Allowed(CANCELLED));
        }

        @Test
        void aPartlyRefundedOrderStillKeepsMoneyAndIsNotVoided() {
            OrderFacts partly = new OrderFacts(
                    APPROVED,
                    null,
                    true,
                    true,
                    PaymentStatus.PARTIALLY_REFUNDED,
                    FulfilmentStatus.UNFULFILLED,
                    5000,
                    1000,
                    0);
            assertThat(reason(LifecycleRules.decide(OrderAction.CANCEL, partly)))
                    .isEqualTo("order.refused.paid-refund-first");
        }

        @Test
        void aShippedOrderIsNeverVoided() {
            OrderFacts shipped = new OrderFacts(
                    APPROVED, null, true, true, PaymentStatus.UNPAID, FulfilmentStatus.PARTIALLY_SHIPPED, 0, 0, 0);
            assertThat(reason(LifecycleRules.decide(OrderAction.CANCEL, shipped)))
                    .isEqualTo("order.refused.shipped");
        }

        @Test
        void anOrderWithAPendingPaymentIsNotVoidedUntilThePaymentIsSettled() {
            OrderFacts pending = new OrderFacts(
                    NEW, null, true, true, PaymentStatus.PENDING, FulfilmentStatus.UNFULFILLED, 0, 0, 5000);
            assertThat(reason(LifecycleRules.decide(OrderAction.CANCEL, pending)))
                    .isEqualTo("order.refused.payment-pending");
        }

        @Test
        void onlyADraftIsDeleted() {
            assertThat(LifecycleRules.decide(OrderAction.DELETE, facts(DRAFT)))
                    .isEqualTo(new Decision.Allowed(DELETED));
            assertThat(LifecycleRules.decide(OrderAction.DELETE, facts(NEW))).isInstanceOf(Decision.Refused.class);
        }
    }

    @Nested
    @DisplayName("what an action requires")
    class Requirements {

        @Test
        void anOrderWithoutItemsCannotBeSubmitted() {
            OrderFacts empty =
                    new OrderFacts(DRAFT, null, false, true, PaymentStatus.PAID, FulfilmentStatus.UNFULFILLED, 0, 0, 0);
            assertThat(reason(LifecycleRules.decide(OrderAction.SUBMIT, empty))).isEqualTo("order.refused.no-lines");
        }

        @Test
        void anOrderWithoutShippingAddressCannotBeApproved() {
            OrderFacts noAddress =
                    new OrderFacts(NEW, null, true, false, PaymentStatus.UNPAID, FulfilmentStatus.UNFULFILLED, 0, 0, 0);
            assertThat(reason(LifecycleRules.decide(OrderAction.APPROVE, noAddress)))
                    .isEqualTo("order.refused.no-shipping-address");
        }

        @Test
        void completingNeedsEverythingShippedAndPaid() {
            OrderFacts shippedUnpaid =
                    new OrderFacts(APPROVED, null, true, true, PaymentStatus.UNPAID, FulfilmentStatus.SHIPPED, 0, 0, 0);
            OrderFacts paidUnshipped = new OrderFacts(
                    APPROVED, null, true, true, PaymentStatus.PAID, FulfilmentStatus.PARTIALLY_SHIPPED, 5000, 0, 0);
            OrderFacts done = new OrderFacts(
                    APPROVED, null, true, true, PaymentStatus.PAID, FulfilmentStatus.SHIPPED, 5000, 0, 0);
            assertThat(reason(LifecycleRules.decide(OrderAction.COMPLETE, shippedUnpaid)))
                    .isEqualTo("order.refused.not-paid");
            assertThat(reason(LifecycleRules.decide(OrderAction.COMPLETE, paidUnshipped)))
                    .isEqualTo("order.refused.not-shipped");
            assertThat(LifecycleRules.decide(OrderAction.COMPLETE, done)).isEqualTo(new Decision.Allowed(COMPLETED));
        }
    }

    private static OrderFacts facts(LifecycleStatus state) {
        return new OrderFacts(
                state,
                state == ON_HOLD ? APPROVED : null,
                true,
                true,
                PaymentStatus.UNPAID,
                FulfilmentStatus.UNFULFILLED,
                0,
                0,
                0);
    }

    private static String reason(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Refused.class);
        return ((Decision.Refused) decision).reason();
    }
}
