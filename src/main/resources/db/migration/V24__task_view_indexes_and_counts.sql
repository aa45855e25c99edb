-- Task views at a million orders (docs/search.md). Lists: one index per view shape, in the views' sort order, so the
-- first page is read straight off the index. Counts: exact, from a small table of per-bucket deltas.

-- "To review", "On hold", "Cancelled": one lifecycle, newest first. (Replaces (lifecycle, id DESC).)
CREATE INDEX orders_lifecycle_placed_idx ON orders (lifecycle, placed_at DESC, id DESC);
DROP INDEX orders_lifecycle_idx;

-- "Unpaid" and "Unpaid on <channel>": partial indexes holding only the open unpaid orders. Queries name the statuses
-- as literals (they come from enums), so the planner can prove they match these predicates.
CREATE INDEX orders_unpaid_idx ON orders (placed_at DESC, id DESC)
    WHERE lifecycle IN ('NEW', 'APPROVED', 'ON_HOLD') AND payment_status IN ('UNPAID', 'PARTIALLY_PAID', 'PENDING');
CREATE INDEX orders_unpaid_channel_idx ON orders (channel, placed_at DESC, id DESC)
    WHERE lifecycle IN ('NEW', 'APPROVED', 'ON_HOLD') AND payment_status IN ('UNPAID', 'PARTIALLY_PAID', 'PENDING');

-- How many orders are in each bucket (lifecycle × payment × fulfilment × channel × blacklisted), kept as deltas:
-- every statement that changes orders appends one row per bucket it touched, never updating a shared row, so
-- writers do not queue behind a counter. A job folds the deltas together now and then (OrderCountsJob).
CREATE TABLE order_counts (
    lifecycle         TEXT    NOT NULL,
    payment_status    TEXT    NOT NULL,
    fulfilment_status TEXT    NOT NULL,
    channel           TEXT    NOT NULL,
    flagged           BOOLEAN NOT NULL,
    delta             BIGINT  NOT NULL
);

CREATE FUNCTION order_counts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO order_counts
    SELECT lifecycle, payment_status, fulfilment_status, channel, flagged, count(*) FROM added
    GROUP BY lifecycle, payment_status, fulfilment_status, channel, flagged;
    RETURN NULL;
END $$;

CREATE FUNCTION order_counts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO order_counts
    SELECT lifecycle, payment_status, fulfilment_status, channel, flagged, -count(*) FROM removed
    GROUP BY lifecycle, payment_status, fulfilment_status, channel, flagged;
    RETURN NULL;
END $$;

-- An update takes every row out of its old bucket and puts it into its new one; rows whose bucket did not change
-- cancel out. No join between the old and new rows: transition tables have no statistics, and a mass update must
-- stay linear.
CREATE FUNCTION order_counts_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO order_counts
    SELECT lifecycle, payment_status, fulfilment_status, channel, flagged, sum(delta) FROM (
        SELECT lifecycle, payment_status, fulfilment_status, channel, flagged, -1 AS delta FROM before_rows
        UNION ALL
        SELECT lifecycle, payment_status, fulfilment_status, channel, flagged, 1 FROM after_rows
    ) moved
    GROUP BY lifecycle, payment_status, fulfilment_status, channel, flagged
    HAVING sum(delta) <> 0;
    RETURN NULL;
END $$;

CREATE TRIGGER orders_counted_insert AFTER INSERT ON orders REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION order_counts_inserted();
CREATE TRIGGER orders_counted_delete AFTER DELETE ON orders REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION order_counts_deleted();
CREATE TRIGGER orders_counted_update AFTER UPDATE ON orders REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows
    FOR EACH STATEMENT EXECUTE FUNCTION order_counts_updated();

INSERT INTO order_counts
SELECT lifecycle, payment_status, fulfilment_status, channel, flagged, count(*) FROM orders
GROUP BY lifecycle, payment_status, fulfilment_status, channel, flagged;
