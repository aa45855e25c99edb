package dev.kontor.orders;

import java.time.Duration;
import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.catalog.Catalog;
import dev.kontor.catalog.Inventory;
import dev.kontor.payments.PaymentKind;
import dev.kontor.payments.PaymentRequest;
import dev.kontor.payments.Payments;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's broken promise: an order paid and then refunded in full (the demo's TM-000002) showed an amount
 * outstanding, an "Overdue" chip and a unit still reserved. Money given back by the shop is not a debt of the
 * customer's, and a cancelled order holds no stock.
 */
@KontorTest
class RefundedOrderTest {

    @Autowired
    Orders orders;

    @Autowired
    OrderIntake intake;

    @Autowired
    OrderLifecycle lifecycle;

    @Autowired
    Payments payments;

    @Autowired
    Inventory inventory;

    @Autowired
    Catalog catalog;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    Actor lina;
    Actor ingrid;

    @BeforeEach
    void setUp() {
        lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        ingrid = fixtures.user("ingrid", Role.FINANCE);
        fixtures.product("CAP", false, "CAP-BLACK");
        fixtures.receive("CAP-BLACK", 5);
    }

    private long reserved() {
        return inventory.total(catalog.variant("CAP-BLACK").orElseThrow().id()).reserved();
    }

    private Order paidThenRefunded() {
        Order order = intake.place(lina, Fixtures.input("MANUAL", null, Fixtures.line("CAP-BLACK", 1300, 1)), false)
                .order();
        lifecycle.act(lina, order.id(), null, OrderAction.APPROVE, null);
        long total = order.total().minor();
        payments.record(
                ingrid,
                order.id(),
                new PaymentRequest(PaymentKind.PAYMENT, total, "EUR", "ALIPAY", null, null, null, null));
        payments.record(
                ingrid,
                order.id(),
                new PaymentRequest(PaymentKind.REFUND, total, "EUR", "ALIPAY", null, null, null, null));
        return orders.get(order.id());
    }

    @Test
    void aFullyRefundedOrderOwesNothingAndIsNeverOverdue() {
        Order refunded = paidThenRefunded();
        clock.advance(Duration.ofDays(60));
        assertThat(refunded.paymentStatus()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(refunded.outstanding()).isZero();
        assertThat(orders.isOverdue(refunded)).isFalse();
    }

    @Test
    void cancellingTheRefundedOrderReleasesItsStock() {
        Order refunded = paidThenRefunded();
        assertThat(reserved()).isEqualTo(1);
        ActionOutcome asked = lifecycle.act(lina, refunded.id(), null, OrderAction.CANCEL, "refunded");
        assertThat(asked.approval())
                .as("customer service's cancel waits for a supervisor")
                .isNotNull();
        assertThat(reserved()).isEqualTo(1);
        lifecycle.act(fixtures.user("wang.lei", Role.SUPERVISOR), refunded.id(), null, OrderAction.CANCEL, "refunded");
        assertThat(orders.get(refunded.id()).lifecycle()).isEqualTo(LifecycleStatus.CANCELLED);
        assertThat(reserved()).isZero();
        assertThat(orders.isOverdue(orders.get(refunded.id()))).isFalse();
        assertThat(List.of(orders.get(refunded.id()).outstanding())).containsExactly(0L);
    }
}
