-- Customers: a person or a company, their ways of reaching them and paying, their addresses.
CREATE TABLE customers (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind       TEXT        NOT NULL CHECK (kind IN ('PERSON', 'COMPANY')),
    name       TEXT        NOT NULL,
    company    TEXT,
    country    CHAR(2)     NOT NULL,
    language   TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    version    INT         NOT NULL DEFAULT 0
);
CREATE INDEX customers_name_idx ON customers (lower(name));

-- E-mails, phones, landlines and payer accounts (an Alipay or PayPal account). "normalized" is what
-- search compares: lower-case e-mails, digits-only phones.
CREATE TABLE customer_contacts (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    kind        TEXT   NOT NULL CHECK (kind IN ('EMAIL', 'PHONE', 'LANDLINE', 'PAYER_ACCOUNT')),
    value       TEXT   NOT NULL,
    label       TEXT,
    normalized  TEXT   NOT NULL,
    position    INT    NOT NULL
);
CREATE INDEX customer_contacts_customer_idx ON customer_contacts (customer_id);
CREATE INDEX customer_contacts_normalized_idx ON customer_contacts (normalized);

CREATE TABLE customer_addresses (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    position    INT    NOT NULL,
    address     JSONB  NOT NULL
);
CREATE INDEX customer_addresses_customer_idx ON customer_addresses (customer_id);
