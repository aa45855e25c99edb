package dev.kontor.payments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A payment or refund to record.
 *
 * @param state {@code SUCCEEDED} when the money is there (the default), {@code PENDING} when it is announced
 * @param lines for a refund: which lines, how many units and what becomes of the goods; the amount defaults to
 *              their value
 */
public record PaymentRequest(
        PaymentKind kind,
        Long amount,
        String currency,
        String method,
        String reference,
        Instant occurredAt,
        PaymentState state,
        List<RefundLine> lines) {

    public PaymentRequest {
        lines = lines == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(lines));
    }

    /** The same request with the amount filled in. */
    PaymentRequest withAmount(long value) {
        return new PaymentRequest(kind, value, currency, method, reference, occurredAt, state, lines);
    }
}
