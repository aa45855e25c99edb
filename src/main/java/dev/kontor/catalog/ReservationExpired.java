package dev.kontor.catalog;

import java.time.Instant;

/**
 * A draft's time-limited hold on one of its lines ran out and its units went back to stock. Published in the
 * releasing transaction.
 *
 * @param expiresAt when the hold was due to end; with the line, it names this hold among all the line ever had
 * @param releasedAt when it was released
 */
public record ReservationExpired(
        long orderId,
        String orderLabel,
        long orderLineId,
        String sku,
        int quantity,
        Instant expiresAt,
        Instant releasedAt) {

    /** What names this event among all others: a listener that writes for it writes once. */
    public String key() {
        return "reservation-expired/" + orderLineId + "/" + expiresAt;
    }
}
