package dev.kontor.crm;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.customers.Customer;
import dev.kontor.customers.Customers;
import dev.kontor.documents.Mail;
import dev.kontor.documents.MailMessage;
import dev.kontor.orders.Order;
import dev.kontor.orders.Orders;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.Problems;
import dev.kontor.shared.ShopSettings;
import dev.kontor.shared.Text;
import dev.kontor.timeline.Timeline;
import dev.kontor.timeline.TimelineEntry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing to the customer from their order: the mail goes through the outbox (sent after commit, retried), in the
 * customer's language around the words written, and the order's timeline keeps the subject and the body.
 */
@Service
public class CustomerMails {

    private final Orders orders;
    private final Customers customers;
    private final Mail mail;
    private final Permissions permissions;
    private final Timeline timeline;
    private final Clock clock;
    private final ShopSettings shop;

    CustomerMails(
            Orders orders,
            Customers customers,
            Mail mail,
            Permissions permissions,
            Timeline timeline,
            Clock clock,
            ShopSettings shop) {
        this.orders = orders;
        this.customers = customers;
        this.mail = mail;
        this.permissions = permissions;
        this.timeline = timeline;
        this.clock = clock;
        this.shop = shop;
    }

    /** Sends a mail to the order's customer (the order's e-mail address); answers the address written to. */
    @Transactional
    public String write(Actor actor, long orderId, String subject, String body) {
        Order order = orders.view(actor, orderId);
        permissions.requireAllowed(actor, Permission.ACTIVITY_PLAN, orders.situationOf(order));
        Problems problems = new Problems();
        String title = Text.clean(subject);
        String text = Text.clean(body);
        if (title == null) {
            problems.add("subject", "validation.required");
        } else if (title.length() > 200) {
            problems.add("subject", "validation.too-long", 200);
        }
        if (text == null) {
            problems.add("body", "validation.required");
        } else if (text.length() > 10_000) {
            problems.add("body", "validation.too-long", 10_000);
        }
        problems.throwIfAny();
        String to = order.content().email();
        if (to == null) {
            throw new ActionRefusedException(
                    "write", order.lifecycle().name(), "mail.customer.no-address", order.number());
        }
        Customer customer = customers.get(order.content().customerId());
        String language = customer.language() == null ? "en" : customer.language();
        Locale locale = Locale.forLanguageTag(language.replace('_', '-'));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("body", text);
        model.put("name", customer.name());
        model.put("number", order.number());
        model.put("shop", shop.name());
        mail.queue(new MailMessage(
                "customer-message",
                "order",
                orderId,
                to,
                locale,
                "mail.customer.subject",
                new Object[] {title, order.number()},
                model));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("to", to);
        details.put("subject", title);
        details.put("body", text);
        timeline.record(new TimelineEntry(
                null,
                Orders.SUBJECT,
                orderId,
                clock.instant(),
                actor.userId(),
                actor.displayName(),
                "email.sent",
                List.of(),
                null,
                details));
        return to;
    }
}
