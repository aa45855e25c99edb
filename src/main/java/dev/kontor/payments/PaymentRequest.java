package dev.kontor.payments;

import java.time.Instant;

/**
 * A payment or refund to record.
 *
 * @param state {@code SUCCEEDED} when the money is there (the default), {@code PENDING} when it is announced
 */
public record PaymentRequest(PaymentKind kind, Long amount, String currency, String method, String reference,
                             Instant occurredAt, PaymentState state) {
}
