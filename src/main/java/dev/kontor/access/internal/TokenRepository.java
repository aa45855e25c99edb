package dev.kontor.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.kontor.access.ApiToken;
import dev.kontor.access.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API tokens, stored as SHA-256 hashes. */
@Repository
public class TokenRepository {

    private final JdbcClient jdbc;

    TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ApiToken insert(long userId, String name, byte[] hash, String hint, Instant now, Instant expiresAt) {
        long id = jdbc.sql("""
                        INSERT INTO api_tokens (user_id, name, token_hash, token_hint, created_at, expires_at)
                        VALUES (:user, :name, :hash, :hint, :now, :expires) RETURNING id""")
                .param("user", userId)
                .param("name", name)
                .param("hash", hash)
                .param("hint", hint)
                .param("now", Timestamp.from(now))
                .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt))
                .query(Long.class)
                .single();
        return new ApiToken(id, name, hint, now, null, null, expiresAt);
    }

    /** An active token and the enabled user who owns it, in one query (it runs on every API call). */
    public record Owner(long tokenId, Instant lastUsedAt, Instant expiresAt, User user) {}

    public Optional<Owner> findActive(byte[] hash, Instant now) {
        return jdbc.sql("""
                        SELECT t.id AS token_id, t.last_used_at, t.expires_at, u.id, u.username, u.display_name, u.email, u.enabled, u.language,
                               u.created_at,
                               coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
                        FROM api_tokens t JOIN users u ON u.id = t.user_id LEFT JOIN user_roles r ON r.user_id = u.id
                        WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND u.enabled
                          AND (t.expires_at IS NULL OR t.expires_at > :now)
                        GROUP BY t.id, u.id""")
                .param("hash", hash)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Owner(
                        rs.getLong("token_id"),
                        instant(rs, "last_used_at"),
                        instant(rs, "expires_at"),
                        UserRepository.map(rs, n)))
                .optional();
    }

    /** Notes the use, at most once a minute per token, so reads do not become writes. */
    public void touch(long tokenId, Instant now) {
        jdbc.sql("""
                        UPDATE api_tokens SET last_used_at = :now
                        WHERE id = :id AND (last_used_at IS NULL OR last_used_at < CAST(:now AS timestamptz) - interval '1 minute')""").param("id", tokenId).param("now", Timestamp.from(now)).update();
    }

    public List<ApiToken> findByUser(long userId) {
        return jdbc.sql("""
                        SELECT id, name, token_hint, created_at, last_used_at, revoked_at, expires_at FROM api_tokens
                        WHERE user_id = :user ORDER BY revoked_at NULLS FIRST, id DESC""").param("user", userId).query(TokenRepository::map).list();
    }

    public boolean revoke(long userId, long tokenId, Instant now) {
        return jdbc.sql("""
                        UPDATE api_tokens SET revoked_at = :now
                        WHERE id = :id AND user_id = :user AND revoked_at IS NULL""")
                        .param("id", tokenId)
                        .param("user", userId)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    private static ApiToken map(ResultSet rs, int row) throws SQLException {
        return new ApiToken(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("token_hint"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs, "last_used_at"),
                instant(rs, "revoked_at"),
                instant(rs, "expires_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
