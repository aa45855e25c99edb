package dev.kontor.payments;

import java.util.Map;

/**
 * A way for customers to pay through an invoice link: one implementation per provider (the test card and bank
 * transfer ship with Kontor; Stripe, Adyen, Alipay or PayPal are added as Spring beans implementing this). Kontor
 * records the payment as {@code INITIATED} before it calls {@link #charge}, and never inside a database
 * transaction, so a slow provider holds no locks; what the provider answers moves the payment on.
 */
public interface PaymentProvider {

    /** A stable code, stored with the payment ({@code test-card}). */
    String code();

    /** The payment method recorded for it ({@code CARD}, {@code BANK_TRANSFER}, {@code ALIPAY}…). */
    String method();

    /** Where it comes in the list on the payment page: lower first. */
    int position();

    /** Whether the page asks for a card number (the test card); real card providers use their own fields. */
    default boolean asksForCard() {
        return false;
    }

    /**
     * Asks for the money. Must be idempotent per {@code request.paymentId()}: called again for the same payment (a
     * retry after a timeout), it must not charge twice. Throwing counts as {@link PaymentState#UNKNOWN}: the
     * reconciler asks again later through {@link #check}.
     */
    Charge charge(ChargeRequest request);

    /** What became of a payment left pending or unknown; {@code reference} is what {@link #charge} returned. */
    Charge check(long paymentId, String reference);

    /**
     * What Kontor asks a provider to charge.
     *
     * @param paymentId the payment's id: the idempotency key towards the provider
     * @param label     what the customer's statement shows (the order's number)
     * @param details   what the customer entered on the payment page for this provider (a card number)
     */
    record ChargeRequest(long paymentId, long amount, String currency, String label, Map<String, String> details) {}

    /**
     * The provider's answer.
     *
     * @param state       {@code SUCCEEDED}, {@code FAILED}, {@code PENDING} or {@code UNKNOWN}
     * @param reference   the provider's id for the payment (a charge id, a transfer reference)
     * @param messageKey  what to tell the customer, a message key ({@code pay.declined}); may be null
     * @param recheck     whether the reconciler should ask again while the payment is pending (a bank transfer:
     *                    no, finance records it; a card awaiting 3-D Secure: yes)
     */
    record Charge(PaymentState state, String reference, String messageKey, boolean recheck) {}
}
