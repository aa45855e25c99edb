package dev.kontor.payments;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.customers.Customers;
import dev.kontor.documents.Document;
import dev.kontor.documents.Documents;
import dev.kontor.documents.Mail;
import dev.kontor.documents.MailMessage;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderPayments;
import dev.kontor.orders.Orders;
import dev.kontor.payments.internal.PaymentLinkRepository;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.ShopSettings;
import dev.kontor.timeline.Timeline;
import dev.kontor.timeline.TimelineEntry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Selling by hand (Shopify's draft orders), the back office's side: a draft gets a payment link (32 random bytes,
 * valid for some days) to share in a chat, or goes to the customer as an invoice e-mail with the link. The customer's
 * side is {@link Checkouts}; what follows a payment through a link is in {@code jobs/PaymentLinkEvents}.
 */
@Service
public class PaymentLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PaymentLinkRepository links;
    private final Orders orders;
    private final OrderPayments money;
    private final Customers customers;
    private final Mail mail;
    private final Timeline timeline;
    private final PaymentSettings settings;
    private final Clock clock;
    private final String shopName;

    private final Documents documents;

    PaymentLinks(
            PaymentLinkRepository links,
            Orders orders,
            OrderPayments money,
            Customers customers,
            Mail mail,
            Timeline timeline,
            PaymentSettings settings,
            Clock clock,
            ShopSettings shop,
            Documents documents) {
        this.documents = documents;
        this.links = links;
        this.orders = orders;
        this.money = money;
        this.customers = customers;
        this.mail = mail;
        this.timeline = timeline;
        this.settings = settings;
        this.clock = clock;
        this.shopName = shop.name();
    }

    /**
     * The order's open link, or a new one: for sharing in a chat. A draft gets one when it could be submitted now,
     * from someone who may submit it as it is (a discount over their limit needs a supervisor's approval first); a
     * submitted or approved order when money is still owed (Shopify sends invoices for those too), from customer
     * service or finance.
     */
    @Transactional
    public PaymentLink linkFor(Actor actor, long orderId) {
        orders.view(actor, orderId);
        Order order = money.lockForChange(orderId);
        if (order.lifecycle() == LifecycleStatus.DRAFT) {
            if (!orders.verdict(actor, order, Permission.ORDER_SUBMIT).isAllowed()) {
                throw new ActionRefusedException(
                        "invoice", order.lifecycle().name(), "payment-link.refused.not-allowed");
            }
            money.requireReadyToSubmit(order);
        } else {
            // Shopify's way: a submitted order still awaiting its money gets the link too, and is paid as it stands
            if (order.lifecycle() != LifecycleStatus.NEW && order.lifecycle() != LifecycleStatus.APPROVED) {
                throw new ActionRefusedException(
                        "invoice", order.lifecycle().name(), "payment-link.refused.not-open", order.lifecycle());
            }
            if (!mayInvoiceOrder(actor, order)) {
                throw new ActionRefusedException(
                        "invoice", order.lifecycle().name(), "payment-link.refused.not-allowed");
            }
        }
        if (order.outstanding() - order.pending() <= 0) {
            throw new ActionRefusedException(
                    "invoice", order.lifecycle().name(), "payment-link.refused.nothing-to-pay");
        }
        Instant now = clock.instant();
        Optional<PaymentLink> open = links.openOf(orderId);
        if (open.isPresent() && open.get().usableAt(now)) {
            return open.get();
        }
        open.ifPresent(
                expired -> links.close(expired.id(), PaymentLinkStatus.CLOSED, "payment-link.closed.expired", now));
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expires = now.plus(Duration.ofDays(settings.linkDays()));
        PaymentLink link = links.insert(orderId, token, expires, languageOf(order), actor.displayName(), now);
        record(actor, orderId, "payment-link.created", Map.of("expires", day(expires)));
        return link;
    }

    /**
     * Sends the invoice: the customer gets an e-mail in their language with the order's summary and the link.
     * The mail is queued with the command; when the mail server is down it goes out once it is back.
     */
    @Transactional
    public PaymentLink sendInvoice(Actor actor, long orderId) {
        PaymentLink link = linkFor(actor, orderId);
        Order order = orders.get(orderId);
        String to = order.content().email();
        if (to == null) {
            throw InvalidInputException.of("email", "validation.invoice.no-email");
        }
        Locale locale = Locale.forLanguageTag(link.language().replace('_', '-'));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("order", order);
        model.put("url", link.url(mail.publicUrl()));
        model.put("expires", link.expiresAt());
        model.put("shop", shopName);
        mail.queue(new MailMessage(
                "invoice",
                Orders.SUBJECT,
                orderId,
                to,
                locale,
                "mail.invoice.subject",
                new Object[] {shopName, order.number()},
                model,
                // the order's invoice, when one was issued, goes with the link
                documents.standingInvoice(orderId).map(Document::id).orElse(null)));
        record(actor, orderId, "invoice.sent", Map.of("to", to, "expires", day(link.expiresAt())));
        return link;
    }

    /** Who sends a submitted order's invoice: customer service and finance (and supervisors). */
    public boolean mayInvoiceOrder(Actor actor, Order order) {
        return orders.verdict(actor, order, Permission.ORDER_SERVICE).isAllowed()
                || orders.verdict(actor, order, Permission.PAYMENT_RECORD).isAllowed();
    }

    /** The order's latest link, whatever its state, for the order page. */
    @Transactional(readOnly = true)
    public Optional<PaymentLink> latest(Actor actor, long orderId) {
        orders.view(actor, orderId);
        return links.latestOf(orderId);
    }

    private String languageOf(Order order) {
        return customers
                .find(order.content().customerId())
                .map(c -> c.language())
                .filter(l -> l != null && !l.isBlank())
                .orElse("en");
    }

    private static String day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private void record(Actor actor, long orderId, String action, Map<String, String> details) {
        timeline.record(new TimelineEntry(
                null,
                Orders.SUBJECT,
                orderId,
                clock.instant(),
                actor.userId(),
                actor.displayName(),
                action,
                List.of(),
                null,
                new LinkedHashMap<>(details)));
    }
}
