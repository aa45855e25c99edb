package dev.kontor.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import dev.kontor.access.internal.TokenCache;
import dev.kontor.access.internal.TokenRepository;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for machines. A token is 256 random bits; only its SHA-256 is stored (a slow hash adds
 * nothing for a secret that long), so a database dump reveals no usable token.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "kontor_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenRepository tokens;
    private final TokenCache cache;
    private final AuditLog audit;
    private final Clock clock;

    ApiTokens(TokenRepository tokens, TokenCache cache, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.cache = cache;
        this.audit = audit;
        this.clock = clock;
    }

    /** Makes a token that does not expire; its secret is in the result and nowhere else. */
    @Transactional
    public IssuedToken issue(Actor actor, String name) {
        return issue(actor, name, null);
    }

    /**
     * Makes a token; {@code expiresInDays} (1 to 3650) limits its life, {@code null} means until revoked.
     * Its secret is in the result and nowhere else.
     */
    @Transactional
    public IssuedToken issue(Actor actor, String name, Integer expiresInDays) {
        String label = name == null ? "" : name.strip();
        Problems problems = new Problems();
        if (label.isEmpty()) {
            problems.add("name", "validation.required");
        } else if (label.length() > 100) {
            problems.add("name", "validation.too-long", 100);
        }
        if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > 3650)) {
            problems.add("expiresInDays", "validation.between", 1, 3650);
        }
        problems.throwIfAny();
        Instant expires = expiresInDays == null ? null : clock.instant().plus(Duration.ofDays(expiresInDays));
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken info = tokens.insert(
                actor.userId(),
                label,
                hash(token),
                token.substring(0, PREFIX.length() + 4) + "…",
                clock.instant(),
                expires);
        audit.record(actor.username(), AuditEvent.TOKEN_CREATED, label + " " + info.hint());
        return new IssuedToken(info, token);
    }

    /**
     * The actor a token stands for, if the token is active and its user enabled: one query, then remembered by
     * this instance for a moment ({@link TokenCache}); the last use is written at most once a minute, not on every
     * read.
     */
    public Optional<Actor> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        byte[] hash = hash(token);
        Optional<Actor> known = cache.find(hash, now);
        if (known.isPresent()) {
            return known;
        }
        return tokens.findActive(hash, now).map(owner -> {
            if (owner.lastUsedAt() == null || owner.lastUsedAt().isBefore(now.minusSeconds(60))) {
                tokens.touch(owner.tokenId(), now);
            }
            Actor actor = owner.user().asActor();
            cache.remember(hash, actor, owner.expiresAt(), now);
            return actor;
        });
    }

    @Transactional(readOnly = true)
    public List<ApiToken> of(Actor actor) {
        return tokens.findByUser(actor.userId());
    }

    /**
     * Revokes one of the actor's own tokens: it stops working at once on this instance, and within
     * {@code kontor.api.token-cache-ttl} (2 s) on any other ({@link TokenCache}).
     */
    @Transactional
    public void revoke(Actor actor, long tokenId) {
        if (!tokens.revoke(actor.userId(), tokenId, clock.instant())) {
            throw new NotFoundException("token", tokenId);
        }
        cache.forgetAll();
        audit.record(actor.username(), AuditEvent.TOKEN_REVOKED, "#" + tokenId);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
