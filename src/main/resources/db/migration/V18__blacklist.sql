-- Fraud: a customer, and optionally their phone, e-mail, payer account or address, marked with a reason. An
-- entry is active until a supervisor lifts it (kept, with who and why, for the record).
CREATE TABLE blacklist_entries (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         TEXT        NOT NULL CHECK (kind IN ('CUSTOMER', 'PHONE', 'EMAIL', 'PAYER_ACCOUNT', 'ADDRESS')),
    value        TEXT        NOT NULL,             -- customer id, digits of a phone, lower-case e-mail/account, address key
    customer_id  BIGINT      NOT NULL REFERENCES customers (id),
    reason       TEXT        NOT NULL,
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    lifted_by    TEXT,
    lifted_at    TIMESTAMPTZ,
    lift_reason  TEXT
);
CREATE UNIQUE INDEX blacklist_active_idx ON blacklist_entries (kind, value) WHERE lifted_at IS NULL;
CREATE INDEX blacklist_customer_idx ON blacklist_entries (customer_id) WHERE lifted_at IS NULL;

-- An order of a blacklisted customer (or matching a blacklisted phone, e-mail, account or address) is flagged:
-- shown red everywhere, held when it arrives, never shipped while flagged.
ALTER TABLE orders ADD COLUMN flagged BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX orders_flagged_idx ON orders (id DESC) WHERE flagged;
-- Whose mark flagged the order, so lifting that customer's marks clears exactly the orders they caught.
ALTER TABLE orders ADD COLUMN flagged_by_customer BIGINT;
ALTER TABLE orders ADD COLUMN flag_reason TEXT;
CREATE INDEX orders_flagged_by_idx ON orders (flagged_by_customer) WHERE flagged_by_customer IS NOT NULL;
