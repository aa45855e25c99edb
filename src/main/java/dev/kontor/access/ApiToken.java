package dev.kontor.access;

import java.time.Instant;

/**
 * An API token as its owner sees it later: never the token itself, only a hint to recognise it.
 *
 * @param hint the token's first characters, e.g. {@code kontor_Ab3…}
 */
public record ApiToken(
        long id,
        String name,
        String hint,
        Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt,
        Instant expiresAt) {

    public boolean isActive() {
        return revokedAt == null;
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }
}
