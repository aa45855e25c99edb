package dev.kontor.payments.web;

import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.orders.Orders;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderPanel;
import dev.kontor.payments.PaymentKind;
import dev.kontor.payments.Payments;
import org.springframework.stereotype.Component;

/** The payments section of the order page: what was paid and refunded, and the forms to record more. */
@Component
class PaymentPanel implements OrderPanel {

    private final Payments payments;
    private final Orders orders;

    PaymentPanel(Payments payments, Orders orders) {
        this.payments = payments;
        this.orders = orders;
    }

    @Override
    public int position() {
        return 10;
    }

    @Override
    public String template() {
        return "payments/panel";
    }

    @Override
    public Map<String, Object> data(Order order, Actor actor) {
        boolean open = order.lifecycle() != dev.kontor.orders.LifecycleStatus.CANCELLED
                && order.lifecycle() != dev.kontor.orders.LifecycleStatus.DELETED;
        boolean finance = orders.verdict(actor, order, Permission.PAYMENT_RECORD).isAllowed();
        boolean refunds = orders.verdict(actor, order, Permission.REFUND_RECORD).isAllowed();
        return Map.of("payments", payments.of(actor, order.id()),
                "canPay", finance && open && order.outstanding() - order.pending() > 0,
                "canRefund", refunds && order.paid() - order.refunded() > 0,
                "canSettle", finance,
                "kinds", PaymentKind.values());
    }
}
