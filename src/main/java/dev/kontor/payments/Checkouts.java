package dev.kontor.payments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.kontor.access.Actor;
import dev.kontor.markets.Market;
import dev.kontor.markets.Markets;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderPayments;
import dev.kontor.orders.Orders;
import dev.kontor.payments.internal.PaymentLinkRepository;
import dev.kontor.payments.internal.PaymentRepository;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.Address;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.Problems;
import dev.kontor.shared.ShopSettings;
import dev.kontor.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The customer's side of a payment link: the public payment page and paying through it.
 *
 * <p>Paying runs in three steps so that no lock is held while a provider thinks: (1) in one transaction the link
 * is locked, the customer's choices are written to the draft, its stock is held for the checkout, and the payment
 * is recorded as initiated (refused, with nothing charged, when an item is gone, the link is used up, or another
 * attempt is under way); (2) the provider is asked, outside any transaction; (3) its answer moves the payment on,
 * and a succeeded payment turns the draft into an approved, numbered order. A second click or a retried request
 * finds the first attempt (a unique index allows one live attempt per link), so nothing is paid twice.
 */
@Service
public class Checkouts {

    /** The shipping choice meaning "as the draft says". */
    public static final String AGREED_SHIPPING = "AGREED";

    private final PaymentLinkRepository links;
    private final PaymentRepository records;
    private final Payments payments;
    private final Orders orders;
    private final OrderPayments money;
    private final Markets markets;
    private final List<PaymentProvider> providers;
    private final PaymentSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String shopName;

    Checkouts(
            PaymentLinkRepository links,
            PaymentRepository records,
            Payments payments,
            Orders orders,
            OrderPayments money,
            Markets markets,
            List<PaymentProvider> providers,
            PaymentSettings settings,
            PlatformTransactionManager transactions,
            Clock clock,
            ShopSettings shop) {
        this.links = links;
        this.records = records;
        this.payments = payments;
        this.orders = orders;
        this.money = money;
        this.markets = markets;
        this.providers = providers.stream()
                .sorted(Comparator.comparingInt(PaymentProvider::position))
                .toList();
        this.settings = settings;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.shopName = shop.name();
    }

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
}
