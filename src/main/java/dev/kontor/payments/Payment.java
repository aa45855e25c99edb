package dev.kontor.payments;

import java.time.Instant;

/**
 * A payment or refund recorded against an order.
 *
 * @param amount     minor units, always positive; the kind says the direction
 * @param method     how: {@code BANK_TRANSFER}, {@code CARD}, {@code ALIPAY}, {@code PAYPAL}, {@code CASH_ON_DELIVERY}…
 * @param reference  the provider's reference, e.g. an Alipay trade number
 * @param occurredAt when the money moved (which may be before it was recorded)
 * @param provider   the payment provider that handles it ({@code test-card}, {@code bank-transfer}…), when the
 *                   customer paid through an invoice link; {@code null} for money recorded by hand
 * @param linkId     the invoice link it was paid through, if any
 */
public record Payment(
        long id,
        long orderId,
        PaymentKind kind,
        PaymentState state,
        long amount,
        String currency,
        String method,
        String reference,
        Instant occurredAt,
        String recordedBy,
        Instant createdAt,
        String provider,
        Long linkId) {

    /** Paid through an invoice link (and so settled by its provider, or by finance for a bank transfer). */
    public boolean viaLink() {
        return linkId != null;
    }
}
