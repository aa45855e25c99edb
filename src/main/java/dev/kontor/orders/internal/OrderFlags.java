package dev.kontor.orders.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The blacklist's marks on orders: all of a customer's orders flagged at once, and cleared when the mark is lifted. */
@Repository
public class OrderFlags {

    private final JdbcClient jdbc;

    OrderFlags(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Flags every order of the customer not flagged yet; returns their ids. */
    public List<Long> flagCustomer(long customerId, String reason) {
        return jdbc.sql("""
                        UPDATE orders SET flagged = TRUE, flagged_by_customer = :customer, flag_reason = :reason
                        WHERE customer_id = :customer AND NOT flagged AND lifecycle <> 'DELETED' RETURNING id""")
                .param("customer", customerId)
                .param("reason", reason)
                .query(Long.class)
                .list();
    }

    /** Clears the flags the customer's marks put on; returns the orders cleared. */
    public List<Long> unflagBy(long customerId) {
        return jdbc.sql("""
                        UPDATE orders SET flagged = FALSE, flagged_by_customer = NULL, flag_reason = NULL
                        WHERE flagged_by_customer = :customer RETURNING id""").param("customer", customerId).query(Long.class).list();
    }

    /**
     * The orders of a customer merged into another now belong to the kept customer (their name as placed stays;
     * a blacklist flag names the kept customer); each one's version moves on. Answers their ids.
     */
    public List<Long> moveCustomer(long mergedId, long keptId, String by, Instant now) {
        return jdbc.sql("""
                        UPDATE orders SET customer_id = :kept,
                            flagged_by_customer = CASE WHEN flagged_by_customer = :merged THEN :kept
                                                       ELSE flagged_by_customer END,
                            updated_at = :now, updated_by = :by, version = version + 1
                        WHERE customer_id = :merged RETURNING id""")
                .param("kept", keptId)
                .param("merged", mergedId)
                .param("now", Timestamp.from(now))
                .param("by", by)
                .query(Long.class)
                .list();
    }
}
