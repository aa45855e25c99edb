-- A new name went straight into the trigram index of order_customer_names (fastupdate off, for searches): about
-- 0.15 ms of PostgreSQL per new name, inside the order's transaction — most of what inserting an order cost
-- beyond the row (issue 20, auto_explain: 0.6 ms of 1.2 for a group of four new buyers). Names now wait in a
-- table without indexes, in the same transaction, until a job folds them into the index (OrderCountsJob); a search
-- reads both, so an order is found by its name the moment it is committed, as before.
CREATE TABLE order_customer_names_pending (
    name TEXT NOT NULL
);

CREATE OR REPLACE FUNCTION order_customer_names_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO order_customer_names_pending
    SELECT DISTINCT lower(customer_name) FROM added WHERE customer_name IS NOT NULL;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION order_customer_name_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO order_customer_names_pending VALUES (lower(NEW.customer_name));
    RETURN NULL;
END $$;
