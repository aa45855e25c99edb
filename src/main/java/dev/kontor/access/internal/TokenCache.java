package dev.kontor.access.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.kontor.access.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Who an API token stands for, remembered by this instance for a moment ({@code kontor.api.token-cache-ttl}, 2 s;
 * {@code PT0S} asks the database every time). Looking the token up took a query and a connection of its own on
 * every call — a sixth of the CPU a placed and approved order cost (issue 20). Only tokens found active are
 * remembered, by their hash, never beyond their expiry; a wrong token is looked up every time. A change on this
 * instance that could stop a token or change what it may do — a revocation, a user disabled, their roles changed —
 * forgets everything at once, and again when its transaction commits (a lookup in between may have seen the row
 * before it); another instance notices within the time-to-live.
 */
@Component
public class TokenCache {

    /** More than this many remembered tokens: forgotten all together (they are machines', few in practice). */
    static final int LARGEST = 10_000;

    private final Duration ttl;
    private final ConcurrentHashMap<String, Remembered> remembered = new ConcurrentHashMap<>();

    TokenCache(@Value("${kontor.api.token-cache-ttl:PT2S}") Duration ttl) {
        this.ttl = ttl;
    }

    private record Remembered(Actor actor, Instant until) {}

    /** The actor of a token found active less than the time-to-live ago. */
    public Optional<Actor> find(byte[] hash, Instant now) {
        Remembered r = remembered.get(key(hash));
        return r != null && now.isBefore(r.until()) ? Optional.of(r.actor()) : Optional.empty();
    }

    /** Remembers an active token's actor, until the time-to-live ends or the token expires. */
    public void remember(byte[] hash, Actor actor, Instant expiresAt, Instant now) {
        if (ttl.isZero() || ttl.isNegative()) {
            return;
        }
        Instant until = now.plus(ttl);
        if (expiresAt != null && expiresAt.isBefore(until)) {
            until = expiresAt;
        }
        if (remembered.size() >= LARGEST) {
            remembered.clear();
        }
        remembered.put(key(hash), new Remembered(actor, until));
    }

    /** Forgets every token now and, inside a transaction, again when it commits. */
    public void forgetAll() {
        remembered.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    remembered.clear();
                }
            });
        }
    }

    private static String key(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }
}
