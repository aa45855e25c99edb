package dev.kontor.payments;

import java.time.Instant;

/**
 * An invoice link: the customer opens {@code /pay/{token}} to pay a draft. The token is 32 random bytes
 * (256 bits), base64url; whoever has it may see the order's summary and pay it, nothing else.
 *
 * @param language     the customer's language, in which the page and the mails are written
 * @param closedReason why it stopped working, a message key ({@code payment-link.closed.paid-otherwise}…)
 */
public record PaymentLink(
        long id,
        long orderId,
        String token,
        PaymentLinkStatus status,
        Instant expiresAt,
        String language,
        String createdBy,
        Instant createdAt,
        Instant closedAt,
        String closedReason) {

    /** Whether a customer may pay through it at this moment. */
    public boolean usableAt(Instant now) {
        return status == PaymentLinkStatus.OPEN && now.isBefore(expiresAt);
    }

    /** Where the customer opens it, under Kontor's public address. */
    public String url(String baseUrl) {
        return baseUrl.replaceAll("/+$", "") + "/pay/" + token;
    }
}
