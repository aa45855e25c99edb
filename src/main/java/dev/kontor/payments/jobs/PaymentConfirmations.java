package dev.kontor.payments.jobs;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.kontor.documents.DocumentIssuing;
import dev.kontor.documents.Mail;
import dev.kontor.documents.MailMessage;
import dev.kontor.orders.Order;
import dev.kontor.orders.Orders;
import dev.kontor.payments.Payment;
import dev.kontor.payments.PaymentKind;
import dev.kontor.payments.PaymentLink;
import dev.kontor.payments.PaymentRecorded;
import dev.kontor.payments.PaymentState;
import dev.kontor.payments.internal.PaymentLinkRepository;
import dev.kontor.payments.internal.PaymentRepository;
import dev.kontor.shared.ShopSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The customer paid through their link: once the payment committed, a confirmation mail in the link's language
 * with the order confirmation PDF attached (issued in a transaction of its own; if it cannot be, the mail goes
 * without it rather than not at all).
 */
@Component
class PaymentConfirmations {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentConfirmations.class);

    private final PaymentRepository records;
    private final PaymentLinkRepository links;
    private final Orders orders;
    private final DocumentIssuing documents;
    private final Mail mail;
    private final String shopName;

    PaymentConfirmations(
            PaymentRepository records,
            PaymentLinkRepository links,
            Orders orders,
            DocumentIssuing documents,
            Mail mail,
            ShopSettings shop) {
        this.records = records;
        this.links = links;
        this.orders = orders;
        this.documents = documents;
        this.mail = mail;
        this.shopName = shop.name();
    }

    @ApplicationModuleListener
    void paid(PaymentRecorded event) {
        if (event.kind() != PaymentKind.PAYMENT || event.state() != PaymentState.SUCCEEDED) {
            return;
        }
        Payment payment = records.findById(event.paymentId()).orElseThrow();
        if (!payment.viaLink()) {
            return;
        }
        Order order = orders.get(event.orderId());
        String to = order.content().email();
        if (to == null) {
            return;
        }
        PaymentLink link = links.findById(payment.linkId()).orElseThrow();
        Long attachment = null;
        try {
            attachment = documents.confirmation(order.id(), link.language()).id();
        } catch (RuntimeException e) {
            LOG.warn("Order {}: no confirmation PDF for the payment mail ({})", order.number(), e.getMessage());
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("order", order);
        model.put("payment", payment);
        model.put("shop", shopName);
        mail.queue(new MailMessage(
                "payment-confirmation",
                Orders.SUBJECT,
                order.id(),
                to,
                Locale.forLanguageTag(link.language().replace('_', '-')),
                "mail.confirmation.subject",
                new Object[] {shopName, order.number()},
                model,
                attachment));
    }
}
