package dev.kontor.payments.web;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.documents.Mail;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.NoteKind;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderNotes;
import dev.kontor.orders.OrderPanel;
import dev.kontor.orders.Orders;
import dev.kontor.payments.PaymentKind;
import dev.kontor.payments.PaymentLink;
import dev.kontor.payments.PaymentLinks;
import dev.kontor.payments.Payments;
import org.springframework.stereotype.Component;

/** The payments section of the order page: what was paid and refunded, and the forms to record more. */
@Component
class PaymentPanel implements OrderPanel {

    private final Payments payments;
    private final PaymentLinks links;
    private final Orders orders;
    private final OrderNotes notes;
    private final Mail mail;
    private final Clock clock;

    PaymentPanel(Payments payments, PaymentLinks links, Orders orders, OrderNotes notes, Mail mail, Clock clock) {
        this.payments = payments;
        this.links = links;
        this.orders = orders;
        this.notes = notes;
        this.mail = mail;
        this.clock = clock;
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
        boolean open = order.lifecycle() != LifecycleStatus.CANCELLED && order.lifecycle() != LifecycleStatus.DELETED;
        boolean finance =
                orders.verdict(actor, order, Permission.PAYMENT_RECORD).isAllowed();
        boolean refunds = orders.verdict(actor, order, Permission.REFUND_RECORD).isAllowed();
        Map<String, Object> data = new HashMap<>();
        data.put("payments", payments.of(actor, order.id()));
        data.put("financeNotes", notes.of(List.of(order.id()), NoteKind.FINANCE).getOrDefault(order.id(), List.of()));
        data.put("canPay", finance && open && order.outstanding() - order.pending() > 0);
        data.put("canRefund", refunds && order.paid() - order.refunded() > 0);
        data.put("canSettle", finance);
        data.put("kinds", PaymentKind.values());
        data.put("toRefund", refunds ? payments.backNotRefunded(actor, order.id()) : Map.of());
        // the invoice link: on a draft, to send or share; afterwards, what became of it
        Optional<PaymentLink> link = links.latest(actor, order.id());
        data.put("link", null);
        data.put("linkUrl", null);
        data.put("linkUsable", false);
        link.ifPresent(l -> {
            data.put("link", l);
            data.put("linkUrl", l.url(mail.publicUrl()));
            data.put("linkUsable", l.usableAt(clock.instant()));
        });
        boolean draft = order.lifecycle() == LifecycleStatus.DRAFT;
        boolean submitted = order.lifecycle() == LifecycleStatus.NEW || order.lifecycle() == LifecycleStatus.APPROVED;
        data.put(
                "canInvoice",
                draft
                        ? order.outstanding() > 0
                                && orders.verdict(actor, order, Permission.ORDER_SUBMIT)
                                        .isAllowed()
                        : submitted
                                && order.outstanding() - order.pending() > 0
                                && links.mayInvoiceOrder(actor, order));
        data.put("invoiceReady", !draft || order.allows(OrderAction.SUBMIT));
        data.put("mails", mail.about(Orders.SUBJECT, order.id()));
        return data;
    }
}
