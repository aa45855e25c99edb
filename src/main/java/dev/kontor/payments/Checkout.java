package dev.kontor.payments;

import java.util.List;
import java.util.Map;

import dev.kontor.markets.Market;
import dev.kontor.orders.Order;
import dev.kontor.shared.Address;

/**
 * What the customer sees and does on the payment page.
 */
public final class Checkout {

    private Checkout() {}

    /** Where a link stands for the person holding it. Only {@link Open} and {@link Done} show the order. */
    public sealed interface View permits Unknown, Expired, Closed, Open, Done {}

    /** No such link. Says nothing about any order. */
    public record Unknown() implements View {}

    /** The link is past its date. Says nothing about the order. */
    public record Expired(String language) implements View {}

    /** The link stopped working: the order was paid another way, voided, or a newer link replaced it. */
    public record Closed(String language, String reasonKey) implements View {}

    /**
     * The customer may pay, or has started to.
     *
     * @param attempt   a payment under way through this link (pending bank transfer, unconfirmed card), if any
     * @param shipping  the ways goods can go to the order's market, in its currency; empty when the draft's
     *                  shipping was agreed by hand (then only that applies)
     * @param providers the ways to pay
     */
    public record Open(
            PaymentLink link,
            Order order,
            Payment attempt,
            List<Market.ShippingMethod> shipping,
            List<PaymentProvider> providers,
            Map<String, String> bank)
            implements View {}

    /** Paid through this link: the order's number and what was paid. */
    public record Done(PaymentLink link, Order order, Payment payment) implements View {}

    /**
     * What the customer sends from the page.
     *
     * @param billing  the billing address; null when it is the shipping address
     * @param shipping the code of the shipping method chosen, or {@code AGREED} for what the draft says
     * @param provider the code of the payment provider chosen
     * @param details  what that provider asks for (a card number)
     */
    public record Input(Address billing, String shipping, String provider, Map<String, String> details) {}

    /** How a payment attempt ended for the customer. */
    public record Result(PaymentState state, String messageKey, Payment payment) {}
}
