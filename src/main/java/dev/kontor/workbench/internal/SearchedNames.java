package dev.kontor.workbench.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The distinct customer names a search looks part of a name up in ({@code order_customer_names}, docs/search.md):
 * triggers on {@code orders} add a new order's name to {@code order_customer_names_pending}, this folds them in.
 */
@Repository
public class SearchedNames {

    private final JdbcClient jdbc;

    SearchedNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Moves the names of orders written since the last fold into the searched names (their trigram index), each
     * once. Two instances at once is harmless: a pending row is deleted once, and a name is inserted once.
     */
    public void fold() {
        jdbc.sql("""
                WITH gone AS (DELETE FROM order_customer_names_pending RETURNING name)
                INSERT INTO order_customer_names SELECT DISTINCT name FROM gone ON CONFLICT DO NOTHING""").update();
    }
}
