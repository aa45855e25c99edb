package dev.kontor.payments;

/** A payment or refund was recorded, or changed state. */
public record PaymentRecorded(
        long paymentId, long orderId, PaymentKind kind, PaymentState state, long amount, String currency) {}
