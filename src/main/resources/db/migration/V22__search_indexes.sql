-- The search box at a million orders: each key has its own index, and the search is a union of index lookups
-- (see docs/search.md). Trigrams let "part of a name" use an index; pg_trgm is a trusted extension shipped with
-- PostgreSQL (a database owner may create it), available on managed PostgreSQL and Citus alike.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX orders_number_prefix_idx ON orders (number text_pattern_ops);
CREATE INDEX orders_external_idx ON orders (external_id) WHERE external_id IS NOT NULL;
CREATE INDEX orders_email_idx ON orders (lower(email)) WHERE email IS NOT NULL;
-- A phone is found by its last 8 digits, however it was written (with or without the country code).
ALTER TABLE orders ADD COLUMN phone_tail TEXT
    GENERATED ALWAYS AS (right(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'), 8)) STORED;
CREATE INDEX orders_phone_tail_idx ON orders (phone_tail) WHERE phone IS NOT NULL;
CREATE INDEX orders_customer_name_trgm_idx ON orders USING gin (lower(customer_name) gin_trgm_ops);
