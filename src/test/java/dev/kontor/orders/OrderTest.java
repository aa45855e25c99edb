package dev.kontor.orders;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.Address;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The aggregate's verbs: numbers, holds, shipping limits, what may still be edited. */
class OrderTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static Order order(LifecycleStatus state) {
        OrderContent content = new OrderContent(
                1,
                "Jana",
                null,
                null,
                null,
                new Address("Jana", null, "Hauptstraße 1", null, "50667", "Köln", null, "DE", null),
                "EUR",
                true,
                List.of(
                        new OrderLine(10L, 1, "A", "Shirt", Map.of(), 2000, 2, 0, 1900, 0, 0),
                        new OrderLine(11L, 2, "B", "Cap", Map.of(), 1000, 1, 0, 1900, 0, 0)),
                0,
                0,
                null,
                Set.of(),
                null,
                Set.of(),
                null,
                null);
        return new Order(
                5L, "D-000001", "MANUAL", null, content, state, null, null, 0, 0, 0, NOW, NOW, NOW, "x", 3, null, null);
    }

    @Test
    void theOrderDeskReceivesAnOrderUnderWayOnce() {
        Order order = order(LifecycleStatus.NEW);
        order.receive("Li Na", NOW);
        assertThat(order.received()).isEqualTo(new Receipt("Li Na", NOW));
        assertThatThrownBy(() -> order.receive("Ingrid", NOW))
                .isInstanceOfSatisfying(
                        ActionRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("order.refused.received-already"));
        for (LifecycleStatus closed :
                List.of(LifecycleStatus.DRAFT, LifecycleStatus.CANCELLED, LifecycleStatus.COMPLETED)) {
            assertThatThrownBy(() -> order(closed).receive("Li Na", NOW))
                    .as(closed.name())
                    .isInstanceOfSatisfying(
                            ActionRefusedException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("order.refused.receive-state"));
        }
    }

    @Test
    void submittingADraftGivesItTheNumberOfItsChannel() {
        Order draft = order(LifecycleStatus.DRAFT);
        draft.apply(OrderAction.SUBMIT, null, () -> "SO-000042");
        assertThat(draft.number()).isEqualTo("SO-000042");
        assertThat(draft.lifecycle()).isEqualTo(LifecycleStatus.NEW);
    }

    @Test
    void aRefusedActionTakesNoNumber() {
        Order approved = order(LifecycleStatus.APPROVED);
        assertThatThrownBy(() -> approved.apply(OrderAction.SUBMIT, null, () -> {
                    throw new AssertionError("no number may be taken for a refused action");
                }))
                .isInstanceOf(ActionRefusedException.class);
        assertThat(approved.number()).isEqualTo("D-000001");
    }

    @Test
    void holdingRemembersWhereAndWhyAndReleasingGoesBack() {
        Order order = order(LifecycleStatus.APPROVED);
        order.apply(OrderAction.HOLD, "customer asked to wait", () -> null);
        assertThat(order.lifecycle()).isEqualTo(LifecycleStatus.ON_HOLD);
        assertThat(order.holdReason()).isEqualTo("customer asked to wait");
        order.apply(OrderAction.RELEASE, null, () -> null);
        assertThat(order.lifecycle()).isEqualTo(LifecycleStatus.APPROVED);
        assertThat(order.holdReason()).isNull();
    }

    @Test
    void shippingPartOfTheOrderMakesItPartlyShippedAndTheRestCompletesIt() {
        Order order = order(LifecycleStatus.APPROVED);
        order.ship(Map.of(10L, 2));
        assertThat(order.fulfilmentStatus()).isEqualTo(FulfilmentStatus.PARTIALLY_SHIPPED);
        order.ship(Map.of(11L, 1));
        assertThat(order.fulfilmentStatus()).isEqualTo(FulfilmentStatus.SHIPPED);
    }

    @Test
    void shippingMoreThanWasOrderedIsRefusedAndChangesNothing() {
        Order order = order(LifecycleStatus.APPROVED);
        assertThatThrownBy(() -> order.ship(Map.of(10L, 3)))
                .isInstanceOfSatisfying(
                        ActionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo("order.refused.ship-too-many"));
        assertThat(order.lines()).allMatch(l -> l.shippedQuantity() == 0);
    }

    @Test
    void onlyAnApprovedOrderShips() {
        assertThatThrownBy(() -> order(LifecycleStatus.NEW).ship(Map.of(10L, 1)))
                .isInstanceOfSatisfying(
                        ActionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo("order.refused.ship-not-approved"));
    }

    @Test
    void anApprovedOrderMayBeAmendedUntilSomethingShips() {
        Order order = order(LifecycleStatus.APPROVED);
        order.edit(order.content());
        order.ship(Map.of(10L, 1));
        assertThatThrownBy(() -> order.edit(order.content()))
                .isInstanceOfSatisfying(
                        ActionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo("order.refused.edit-shipped"));
    }

    @Test
    void aClosedOrderCannotBeEdited() {
        Order order = order(LifecycleStatus.CANCELLED);
        assertThatThrownBy(() -> order.edit(order.content()))
                .isInstanceOfSatisfying(
                        ActionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo("order.refused.not-editable"));
    }

    @Test
    void theDiscountIsMeasuredAgainstTheListValue() {
        Order order = order(LifecycleStatus.NEW);
        assertThat(Order.discountBasisPoints(order.content())).isZero();
        OrderContent c = order.content();
        OrderContent discounted = new OrderContent(
                c.customerId(),
                c.customerName(),
                null,
                null,
                null,
                c.shippingAddress(),
                "EUR",
                true,
                c.lines(),
                0,
                750,
                null,
                Set.of(),
                null,
                Set.of(),
                null,
                null);
        assertThat(Order.discountBasisPoints(discounted)).isEqualTo(1500); // 7.50 off 50.00
    }

    @Test
    void whatIsOutstandingIsTheTotalLessWhatWasPaidAndARefundIsNoDebt() {
        Order order = order(LifecycleStatus.APPROVED);
        order.applyPayments(3000, 0, 0);
        assertThat(order.outstanding()).isEqualTo(order.totals().total() - 3000);
        order.applyPayments(order.totals().total(), 1000, 0);
        assertThat(order.outstanding())
                .as("money given back for a missing item is not owed again")
                .isZero();
        assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        order.applyPayments(3000, 3000, 0);
        assertThat(order.outstanding())
                .as("refunded in full: the deal is closed")
                .isZero();
    }
}
