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
    private final AuditLog audit;
    private final Clock clock;

    ApiTokens(TokenRepository tokens, AuditLog audit, Clock clock) {
        this.tokens = tokens;
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
     * The actor a token stands for, if the token is active and its user enabled. One query on every API call;
     * the last use is written at most once a minute, not on every read.
     */
    public Optional<Actor> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findActive(hash(token), now).map(owner -> {
            if (owner.lastUsedAt() == null || owner.lastUsedAt().isBefore(now.minusSeconds(60))) {
                tokens.touch(owner.tokenId(), now);
            }
            return owner.user().asActor();
        });
    }

    @Transactional(readOnly = true)
    public List<ApiToken> of(Actor actor) {
        return tokens.findByUser(actor.userId());
    }

    /** Revokes one of the actor's own tokens; it stops working at once. */
    @Transactional
    public void revoke(Actor actor, long tokenId) {
        if (!tokens.revoke(actor.userId(), tokenId, clock.instant())) {
            throw new NotFoundException("token", tokenId);
        }
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
