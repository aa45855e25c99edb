-- Part of a name is looked up among the distinct names on orders, then their orders by exact name (docs/search.md).
-- Trigrams over every order's name made PostgreSQL walk posting lists as long as the order table for a common
-- fragment (36-54 ms at a million orders); the distinct names are far fewer (repeat customers), and an order's
-- name is then one btree lookup. The names table only grows: a name no order has any more matches nothing (an
-- erasure of personal data must delete it here too).
CREATE TABLE order_customer_names (
    name TEXT PRIMARY KEY
);
INSERT INTO order_customer_names
SELECT DISTINCT lower(customer_name) FROM orders WHERE customer_name IS NOT NULL;

-- Searches read this index on every keystroke: no pending list to scan (fastupdate), inserts are rare (new names).
CREATE INDEX order_customer_names_trgm_idx ON order_customer_names USING gin (name gin_trgm_ops)
    WITH (fastupdate = off);
CREATE INDEX orders_customer_name_idx ON orders (lower(customer_name));
DROP INDEX orders_customer_name_trgm_idx;

CREATE FUNCTION order_customer_names_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO order_customer_names
    SELECT DISTINCT lower(customer_name) FROM added WHERE customer_name IS NOT NULL
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE FUNCTION order_customer_name_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO order_customer_names VALUES (lower(NEW.customer_name)) ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE TRIGGER orders_customer_names_insert AFTER INSERT ON orders REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION order_customer_names_added();
-- Row by row, but only when the name changed (the WHEN is checked without calling the function).
CREATE TRIGGER orders_customer_name_update AFTER UPDATE OF customer_name ON orders FOR EACH ROW
    WHEN (NEW.customer_name IS NOT NULL AND lower(NEW.customer_name) IS DISTINCT FROM lower(OLD.customer_name))
    EXECUTE FUNCTION order_customer_name_changed();
