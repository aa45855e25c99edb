-- Customers one can work with (issue 18): the people at a company one deals with, and which of a customer's
-- addresses new orders ship and bill to (positions in its list of addresses; billing NULL: the shipping address).
CREATE TABLE customer_persons (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    position    INT    NOT NULL,
    name        TEXT   NOT NULL,
    role        TEXT,
    email       TEXT,
    phone       TEXT
);
CREATE INDEX customer_persons_customer_idx ON customer_persons (customer_id);

ALTER TABLE customers ADD COLUMN shipping_address INT NOT NULL DEFAULT 0;
ALTER TABLE customers ADD COLUMN billing_address INT;
