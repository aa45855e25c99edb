package dev.kontor.orders.internal;

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
}
