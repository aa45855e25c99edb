package dev.kontor.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.kontor.access.Role;
import dev.kontor.access.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users and their roles. */
@Repository
public class UserRepository {

    private static final String SELECT = """
            SELECT u.id, u.username, u.display_name, u.email, u.enabled, u.language, u.created_at,
                   coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
            FROM users u LEFT JOIN user_roles r ON r.user_id = u.id
            """;

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM users)")
                .query(Boolean.class)
                .single();
    }

    /** Inserts the user unless the name is taken; returns the new id, or empty when it was taken. */
    public Optional<Long> insertIfAbsent(
            String username,
            String displayName,
            String email,
            String passwordHash,
            String language,
            Set<Role> roles,
            Instant now) {
        Optional<Long> id = jdbc.sql("""
                        INSERT INTO users (username, display_name, email, password_hash, language, created_at)
                        VALUES (:username, :displayName, :email, :hash, :language, :now)
                        ON CONFLICT (username) DO NOTHING
                        RETURNING id""")
                .param("username", username)
                .param("displayName", displayName)
                .param("email", email)
                .param("hash", passwordHash)
                .param("language", language)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .optional();
        id.ifPresent(userId -> replaceRoles(userId, roles));
        return id;
    }

    public void replaceRoles(long userId, Collection<Role> roles) {
        jdbc.sql("DELETE FROM user_roles WHERE user_id = :id")
                .param("id", userId)
                .update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO user_roles (user_id, role) VALUES (:id, :role)")
                    .param("id", userId)
                    .param("role", role.name())
                    .update();
        }
    }

    public Optional<User> findByUsername(String username) {
        return jdbc.sql(SELECT + " WHERE u.username = :username GROUP BY u.id")
                .param("username", username.toLowerCase(Locale.ROOT))
                .query(UserRepository::map)
                .optional();
    }

    public Optional<User> findById(long id) {
        return jdbc.sql(SELECT + " WHERE u.id = :id GROUP BY u.id")
                .param("id", id)
                .query(UserRepository::map)
                .optional();
    }

    public List<User> findAll() {
        return jdbc.sql(SELECT + " GROUP BY u.id ORDER BY u.display_name, u.id")
                .query(UserRepository::map)
                .list();
    }

    public Map<Long, String> displayNames(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("SELECT id, display_name FROM users WHERE id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public Optional<String> passwordHash(String username) {
        return jdbc.sql("SELECT password_hash FROM users WHERE username = :username")
                .param("username", username.toLowerCase(Locale.ROOT))
                .query(String.class)
                .optional();
    }

    public void updatePassword(long userId, String hash) {
        jdbc.sql("UPDATE users SET password_hash = :hash WHERE id = :id")
                .param("hash", hash)
                .param("id", userId)
                .update();
    }

    public void updateEnabled(long userId, boolean enabled) {
        jdbc.sql("UPDATE users SET enabled = :enabled WHERE id = :id")
                .param("enabled", enabled)
                .param("id", userId)
                .update();
    }

    public void updateLanguage(long userId, String language) {
        jdbc.sql("UPDATE users SET language = :language WHERE id = :id")
                .param("language", language)
                .param("id", userId)
                .update();
    }

    static User map(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : (String[]) rs.getArray("roles").getArray()) {
            roles.add(Role.valueOf(role));
        }
        return new User(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("email"),
                rs.getBoolean("enabled"),
                rs.getString("language"),
                roles,
                rs.getTimestamp("created_at").toInstant());
    }
}
