package dev.kontor.orders.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Lets PostgreSQL run the caller's transaction on the plans it keeps for its prepared statements (issue 20). An
 * order's write looks rows up and writes them by key, with arrays of values for a group of orders; for statements
 * taking arrays PostgreSQL prefers a plan made for the values at hand and plans them afresh on every call — 17 % of
 * its CPU under create+approve at concurrency 8 (the events' insert alone 0.47 ms a plan), for the same plans. Only
 * for the transaction ({@code SET LOCAL}): the workbench's lists, filtered by skewed values, keep custom plans.
 */
@Repository
public class GenericPlans {

    private final JdbcClient jdbc;

    GenericPlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** For the rest of the caller's transaction. */
    public void forThisTransaction() {
        jdbc.sql("SET LOCAL plan_cache_mode = force_generic_plan").update();
    }
}
