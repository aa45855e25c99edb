package dev.kontor.payments.web;

import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderPanel;
import dev.kontor.payments.PaymentKind;
import dev.kontor.payments.Payments;
import org.springframework.stereotype.Component;

/** The payments section of the order page: what was paid and refunded, and the forms to record more. */
@Component
class PaymentPanel implements OrderPanel {

    private final Payments payments;

    PaymentPanel(Payments payments) {
        this.payments = payments;
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
        return Map.of("payments", payments.of(order.id()),
                "canPay", open && order.outstanding() - order.pending() > 0,
                "canRefund", order.paid() - order.refunded() > 0,
                "kinds", PaymentKind.values());
    }
}
