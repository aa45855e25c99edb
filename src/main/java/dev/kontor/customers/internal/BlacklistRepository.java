package dev.kontor.customers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.kontor.customers.BlacklistEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Blacklist entries; only active ones (not lifted) count. */
@Repository
public class BlacklistRepository {

    private final JdbcClient jdbc;

    BlacklistRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the entry unless the same thing is already blacklisted. */
    public void add(String kind, String value, long customerId, String reason, String by, Instant now) {
        jdbc.sql("""
                        INSERT INTO blacklist_entries (kind, value, customer_id, reason, created_by, created_at)
                        VALUES (:kind, :value, :customer, :reason, :by, :now)
                        ON CONFLICT (kind, value) WHERE lifted_at IS NULL DO NOTHING""")
                .param("kind", kind)
                .param("value", value)
                .param("customer", customerId)
                .param("reason", reason)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Lifts every active entry made for this customer; returns how many. */
    public int lift(long customerId, String reason, String by, Instant now) {
        return jdbc.sql("""
                        UPDATE blacklist_entries SET lifted_by = :by, lifted_at = :now, lift_reason = :reason
                        WHERE customer_id = :customer AND lifted_at IS NULL""")
                .param("customer", customerId)
                .param("reason", reason)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * The first active phone entry whose digits end with one of these national significant numbers, or that one of
     * them ends with: the same number with or without its country code or trunk prefix.
     */
    public Optional<BlacklistEntry> matchPhone(Collection<String> significant) {
        if (significant.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT e.* FROM blacklist_entries e, unnest(CAST(:numbers AS TEXT[])) AS n (nsn)
                        WHERE e.kind = 'PHONE' AND e.lifted_at IS NULL AND right(e.value, 7) = right(n.nsn, 7)
                          AND (e.value LIKE '%' || n.nsn OR n.nsn LIKE '%' || e.value)
                        ORDER BY e.id LIMIT 1""")
                .param("numbers", significant.toArray(String[]::new))
                .query(BlacklistRepository::entry)
                .optional();
    }

    /** The first active entry matching any of these (kind → values). */
    public Optional<BlacklistEntry> match(Map<String, Collection<String>> candidates) {
        for (Map.Entry<String, Collection<String>> c : candidates.entrySet()) {
            if (c.getValue().isEmpty()) {
                continue;
            }
            Optional<BlacklistEntry> found = jdbc.sql("""
                            SELECT * FROM blacklist_entries WHERE kind = :kind AND value IN (:values)
                            AND lifted_at IS NULL ORDER BY id LIMIT 1""")
                    .param("kind", c.getKey())
                    .param("values", c.getValue())
                    .query(BlacklistRepository::entry)
                    .optional();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * Which of these values an active mark names, in one query: {@link #key} of each (kind, value) pair named, and
     * of each phone's significant digits ({@code PHONE}) that {@link #matchPhone} would match.
     */
    public Set<String> named(List<String> kinds, List<String> values, Collection<String> phoneDigits) {
        Set<String> named = new HashSet<>();
        jdbc.sql("""
                        SELECT e.kind, c.value FROM blacklist_entries e
                        JOIN unnest(CAST(:kinds AS TEXT[]), CAST(:values AS TEXT[])) AS c (kind, value)
                          ON e.kind = c.kind AND e.value = c.value
                        WHERE e.lifted_at IS NULL
                        UNION
                        SELECT 'PHONE', n.nsn FROM blacklist_entries e, unnest(CAST(:numbers AS TEXT[])) AS n (nsn)
                        WHERE e.kind = 'PHONE' AND e.lifted_at IS NULL AND right(e.value, 7) = right(n.nsn, 7)
                          AND (e.value LIKE '%' || n.nsn OR n.nsn LIKE '%' || e.value)""")
                .param("kinds", kinds.toArray(String[]::new))
                .param("values", values.toArray(String[]::new))
                .param("numbers", phoneDigits.toArray(String[]::new))
                .query((ResultSet rs) -> {
                    named.add(key(rs.getString(1), rs.getString(2)));
                });
        return named;
    }

    /** A (kind, value) pair as one string. */
    public static String key(String kind, String value) {
        return kind + '\u0000' + value;
    }

    /** A merged customer's marks become the kept customer's (a mark on the customer itself names the kept one). */
    public void moveTo(long mergedId, long keptId, String by, Instant now) {
        // both marked: the merged customer's own mark is lifted (kept for the record), the kept one's stays
        jdbc.sql("""
                        UPDATE blacklist_entries SET lifted_at = :now, lifted_by = :by,
                            lift_reason = 'merged into customer ' || :kept
                        WHERE customer_id = :merged AND kind = 'CUSTOMER' AND lifted_at IS NULL
                          AND EXISTS (SELECT 1 FROM blacklist_entries k WHERE k.kind = 'CUSTOMER'
                                      AND k.value = CAST(:kept AS TEXT) AND k.lifted_at IS NULL)""")
                .param("now", Timestamp.from(now))
                .param("by", by)
                .param("kept", keptId)
                .param("merged", mergedId)
                .update();
        jdbc.sql("""
                        UPDATE blacklist_entries SET customer_id = :kept,
                            value = CASE WHEN kind = 'CUSTOMER' THEN CAST(:kept AS TEXT) ELSE value END
                        WHERE customer_id = :merged""").param("kept", keptId).param("merged", mergedId).update();
    }

    public List<BlacklistEntry> activeOf(long customerId) {
        return jdbc.sql(
                        "SELECT * FROM blacklist_entries WHERE customer_id = :customer AND lifted_at IS NULL ORDER BY id")
                .param("customer", customerId)
                .query(BlacklistRepository::entry)
                .list();
    }

    private static BlacklistEntry entry(ResultSet rs, int n) throws SQLException {
        return new BlacklistEntry(
                rs.getLong("id"),
                rs.getString("kind"),
                rs.getString("value"),
                rs.getLong("customer_id"),
                rs.getString("reason"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
