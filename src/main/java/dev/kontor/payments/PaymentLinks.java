package dev.kontor.payments;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.customers.Customers;
import dev.kontor.documents.Mail;
import dev.kontor.documents.MailMessage;
import dev.kontor.markets.Market;
import dev.kontor.markets.Markets;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.OrderLifecycleChanged;
import dev.kontor.orders.OrderPayments;
import dev.kontor.orders.Orders;
import dev.kontor.payments.internal.PaymentLinkRepository;
import dev.kontor.payments.internal.PaymentRepository;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.Address;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.Problems;
import dev.kontor.shared.Text;
import dev.kontor.timeline.Timeline;
import dev.kontor.timeline.TimelineEntry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Selling by hand (Shopify's draft orders): a draft goes to the customer as an invoice e-mail with a link, the
 * customer pays through it, the draft becomes an order marked paid.
 *
 * <p>Paying runs in three steps so that no lock is held while a provider thinks: (1) in one transaction the link
 * is locked, the customer's choices are written to the draft, its stock is held for the checkout, and the payment
 * is recorded as initiated (refused, with nothing charged, when an item is gone, the link is used up, or another
 * attempt is under way); (2) the provider is asked, outside any transaction; (3) its answer moves the payment on,
 * and a succeeded payment turns the draft into an approved, numbered order. A second click or a retried request
 * finds the first attempt (a unique index allows one live attempt per link), so nothing is paid twice.
 */
@Service
public class PaymentLinks {

    /** The shipping choice meaning "as the draft says". */
    public static final String AGREED_SHIPPING = "AGREED";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PaymentLinkRepository links;
    private final PaymentRepository records;
    private final Payments payments;
    private final Orders orders;
    private final OrderLifecycle lifecycle;
    private final OrderPayments money;
    private final Markets markets;
    private final Customers customers;
    private final Mail mail;
    private final Timeline timeline;
    private final List<PaymentProvider> providers;
    private final PaymentSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String shopName;

    PaymentLinks(
            PaymentLinkRepository links,
            PaymentRepository records,
            Payments payments,
            Orders orders,
            OrderLifecycle lifecycle,
            OrderPayments money,
            Markets markets,
            Customers customers,
            Mail mail,
            Timeline timeline,
            List<PaymentProvider> providers,
            PaymentSettings settings,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${kontor.shop.name}") String shopName) {
        this.links = links;
        this.records = records;
        this.payments = payments;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.money = money;
        this.markets = markets;
        this.customers = customers;
        this.mail = mail;
        this.timeline = timeline;
        this.providers = providers.stream()
                .sorted(Comparator.comparingInt(PaymentProvider::position))
                .toList();
        this.settings = settings;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.shopName = shopName;
    }

    // --- the back office ------------------------------------------------------------------------------

    /**
     * The draft's open link, or a new one: for sharing in a chat. Only a draft that could be submitted now, with
     * something to pay, gets one; and only from someone who may submit it as it is (a discount over their limit
     * needs a supervisor's approval first).
     */
    @Transactional
    public PaymentLink linkFor(Actor actor, long orderId) {
        orders.view(actor, orderId);
        Order order = money.lockForChange(orderId);
        if (!orders.verdict(actor, order, Permission.ORDER_SUBMIT).isAllowed()) {
            throw new ActionRefusedException("invoice", order.lifecycle().name(), "payment-link.refused.not-allowed");
        }
        money.requireReadyToSubmit(order);
        if (order.outstanding() <= 0) {
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
                model));
        record(actor, orderId, "invoice.sent", Map.of("to", to, "expires", day(link.expiresAt())));
        return link;
    }

    /** The order's latest link, whatever its state, for the order page. */
    @Transactional(readOnly = true)
    public Optional<PaymentLink> latest(Actor actor, long orderId) {
        orders.view(actor, orderId);
        return links.latestOf(orderId);
    }

    // --- the customer ---------------------------------------------------------------------------------

    /** What the payment page shows for this token. */
    @Transactional(readOnly = true)
    public Checkout.View view(String token) {
        Optional<PaymentLink> found =
                token == null || token.length() > 100 ? Optional.empty() : links.findByToken(token);
        if (found.isEmpty()) {
            return new Checkout.Unknown();
        }
        PaymentLink link = found.get();
        if (link.status() == PaymentLinkStatus.PAID) {
            Order order = orders.get(link.orderId());
            return new Checkout.Done(link, order, records.liveAttempt(link.id()).orElse(null));
        }
        if (link.status() == PaymentLinkStatus.CLOSED) {
            return new Checkout.Closed(link.language(), link.closedReason());
        }
        if (!link.usableAt(clock.instant())) {
            return new Checkout.Expired(link.language());
        }
        Order order = orders.get(link.orderId());
        return new Checkout.Open(
                link, order, records.liveAttempt(link.id()).orElse(null), shippingFor(order), providers, bank(order));
    }

    /**
     * The customer pays. Returns how it went; throws {@link InvalidInputException} for bad input and
     * {@link ActionRefusedException} when the link cannot be used or an item is out of stock (nothing charged).
     */
    public Checkout.Result pay(String token, Checkout.Input input) {
        Actor actor = Actor.system("payment link");
        record Started(Payment payment, PaymentProvider provider, String label) {}
        Started started = tx.execute(status -> {
            PaymentLink link = links.lockByToken(token)
                    .orElseThrow(() -> new ActionRefusedException("pay", "UNKNOWN", "pay.refused.unknown"));
            if (link.status() != PaymentLinkStatus.OPEN) {
                throw new ActionRefusedException("pay", link.status().name(), "pay.refused.used");
            }
            if (!link.usableAt(clock.instant())) {
                throw new ActionRefusedException("pay", "EXPIRED", "pay.refused.expired");
            }
            Optional<Payment> live = records.liveAttempt(link.id());
            if (live.isPresent()) {
                return new Started(live.get(), null, null);
            }
            Order draft = orders.get(link.orderId());
            PaymentProvider provider = check(input, draft);
            boolean isDraft = draft.lifecycle() == LifecycleStatus.DRAFT;
            Market.ShippingMethod method = chosenShipping(input, draft);
            Address billing = input.billing() != null && isDraft
                    ? input.billing()
                    : isDraft
                            ? draft.content().shippingAddress()
                            : draft.content().billingAddress();
            Instant holdUntil = clock.instant().plus(settings.checkoutHold());
            Order order = money.checkout(
                    actor,
                    draft.id(),
                    billing,
                    method == null ? draft.content().shipping() : method.price(),
                    method == null ? null : method.name(),
                    method == null ? null : method.carrier(),
                    holdUntil);
            if (method != null) {
                links.chooseShipping(link.id(), method.name());
            }
            Payment payment = payments.startAttempt(actor, order, link.id(), provider);
            return new Started(payment, provider, order.number());
        });
        if (started.provider() == null) {
            return new Checkout.Result(started.payment().state(), "pay.already-started", started.payment());
        }
        PaymentProvider.Charge answer;
        try {
            answer = started.provider()
                    .charge(new PaymentProvider.ChargeRequest(
                            started.payment().id(),
                            started.payment().amount(),
                            started.payment().currency(),
                            started.label(),
                            input.details() == null ? Map.of() : input.details()));
        } catch (RuntimeException e) {
            answer = new PaymentProvider.Charge(PaymentState.UNKNOWN, null, "pay.card.unknown", true);
        }
        PaymentProvider.Charge charge = answer;
        Payment payment = payments.applyProviderAnswer(
                actor,
                started.payment().id(),
                charge,
                charge.recheck() ? clock.instant().plus(settings.recheckAfter()) : null);
        return new Checkout.Result(payment.state(), charge.messageKey(), payment);
    }

    /**
     * Asks the payment's provider again (for the reconciler) and applies the answer. A provider that fails to
     * answer leaves the payment as it is, to be asked again later.
     */
    public Payment recheck(Payment payment) {
        Optional<PaymentProvider> provider = provider(payment.provider());
        if (provider.isEmpty()) {
            return payment;
        }
        PaymentProvider.Charge answer;
        try {
            answer = provider.get().check(payment.id(), payment.reference());
        } catch (RuntimeException e) {
            return payment;
        }
        return payments.applyProviderAnswer(
                Actor.system("payment reconciler"),
                payment.id(),
                answer,
                answer.recheck() ? clock.instant().plus(settings.recheckAfter()) : null);
    }

    /** How long the reconciler waits before asking again. */
    public Duration recheckAfter() {
        return settings.recheckAfter();
    }

    /** The providers customers can choose from, in order. */
    public List<PaymentProvider> providers() {
        return providers;
    }

    public Optional<PaymentProvider> provider(String code) {
        return providers.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    // --- what follows from payments and the order's lifecycle ---------------------------------------

    /**
     * A payment moved. Through a link: succeeded, the draft becomes an approved order and the customer gets a
     * confirmation; pending (a bank transfer), the draft becomes an order awaiting payment. Recorded by hand
     * (finance got the money another way): the open link stops working and says the order is paid.
     */
    @EventListener
    void on(PaymentRecorded event) {
        if (event.kind() != PaymentKind.PAYMENT) {
            return;
        }
        Payment payment = records.findById(event.paymentId()).orElseThrow();
        Actor actor = Actor.system("payment link");
        if (!payment.viaLink()) {
            if (event.state() == PaymentState.SUCCEEDED || event.state() == PaymentState.PENDING) {
                links.openOf(event.orderId()).ifPresent(link -> {
                    links.close(
                            link.id(), PaymentLinkStatus.CLOSED, "payment-link.closed.paid-otherwise", clock.instant());
                    record(
                            actor,
                            event.orderId(),
                            "payment-link.closed",
                            Map.of("closedBecause", "payment-link.closed.paid-otherwise"));
                });
            }
            return;
        }
        Order order = orders.get(event.orderId());
        if (event.state() == PaymentState.SUCCEEDED || event.state() == PaymentState.PENDING) {
            if (order.lifecycle() == LifecycleStatus.DRAFT) {
                order = lifecycle
                        .act(actor, order.id(), null, OrderAction.SUBMIT, null)
                        .order();
            }
        }
        if (event.state() == PaymentState.SUCCEEDED) {
            if (order.lifecycle() == LifecycleStatus.NEW) {
                order = lifecycle
                        .act(actor, order.id(), null, OrderAction.APPROVE, null)
                        .order();
            }
            PaymentLink link = links.findById(payment.linkId()).orElseThrow();
            if (link.status() == PaymentLinkStatus.OPEN) {
                links.close(link.id(), PaymentLinkStatus.PAID, null, clock.instant());
            }
            confirm(order, link, payment);
        }
    }

    /** A draft voided or deleted: its link stops working. */
    @EventListener
    void on(OrderLifecycleChanged event) {
        if (event.to() == LifecycleStatus.CANCELLED || event.to() == LifecycleStatus.DELETED) {
            links.openOf(event.orderId())
                    .ifPresent(link -> links.close(
                            link.id(), PaymentLinkStatus.CLOSED, "payment-link.closed.order-closed", clock.instant()));
        }
    }

    // --- inside --------------------------------------------------------------------------------------

    private void confirm(Order order, PaymentLink link, Payment payment) {
        String to = order.content().email();
        if (to == null) {
            return;
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
                model));
    }

    private PaymentProvider check(Checkout.Input input, Order order) {
        Problems problems = new Problems();
        PaymentProvider provider = null;
        if (Text.clean(input.provider()) == null) {
            problems.add("provider", "validation.required");
        } else {
            provider = provider(input.provider()).orElse(null);
            if (provider == null) {
                problems.add("provider", "validation.pay.provider", input.provider());
            } else if (provider.asksForCard()
                    && Text.clean(
                                    input.details() == null
                                            ? null
                                            : input.details().get("cardNumber"))
                            == null) {
                problems.add("cardNumber", "validation.required");
            }
        }
        if (input.billing() != null) {
            input.billing()
                    .problems("billing")
                    .forEach(p -> problems.add(p.field(), p.code(), p.args().toArray()));
        }
        String shipping = Text.clean(input.shipping());
        if (shipping != null
                && !AGREED_SHIPPING.equals(shipping)
                && shippingFor(order).stream().noneMatch(m -> m.code().equals(shipping))) {
            problems.add("shipping", "validation.pay.shipping", shipping);
        }
        problems.throwIfAny();
        return provider;
    }

    private Market.ShippingMethod chosenShipping(Checkout.Input input, Order order) {
        String shipping = Text.clean(input.shipping());
        if (shipping == null || AGREED_SHIPPING.equals(shipping)) {
            return null;
        }
        return shippingFor(order).stream()
                .filter(m -> m.code().equals(shipping))
                .findFirst()
                .orElse(null);
    }

    /** The market's shipping methods, when the order is in the market's currency (prices would not fit otherwise). */
    private List<Market.ShippingMethod> shippingFor(Order order) {
        if (order.lifecycle() != LifecycleStatus.DRAFT) {
            return List.of(); // an order's shipping was settled when it was submitted
        }
        Address to = order.content().shippingAddress();
        return markets.forCountry(to == null ? null : to.country())
                .filter(m -> m.currency().equals(order.currency()))
                .map(m -> markets.shippingMethods(m.code()))
                .orElse(List.of());
    }

    private Map<String, String> bank(Order order) {
        return Map.of(
                "account",
                settings.bankAccount(),
                "holder",
                settings.bankHolder().isBlank() ? shopName : settings.bankHolder());
    }

    private String languageOf(Order order) {
        return customers
                .find(order.content().customerId())
                .map(c -> c.language())
                .filter(l -> l != null && !l.isBlank())
                .orElse("en");
    }

    private static String day(Instant instant) {
        return instant.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
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
