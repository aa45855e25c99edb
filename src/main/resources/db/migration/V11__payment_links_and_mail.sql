-- Mail goes out through this table (an outbox): a command queues its mail in its own transaction, a job
-- sends it and retries with backoff while the mail server is down. Nothing is lost when it is.
CREATE TABLE outgoing_mail (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    purpose         TEXT        NOT NULL,               -- invoice, payment-confirmation…
    subject_type    TEXT,                               -- what the mail is about (order) …
    subject_id      BIGINT,                             -- … and its id
    recipient       TEXT        NOT NULL,
    subject         TEXT        NOT NULL,
    body_html       TEXT        NOT NULL,
    body_text       TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('QUEUED', 'SENT', 'FAILED')),
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ
);
CREATE INDEX outgoing_mail_due_idx ON outgoing_mail (next_attempt_at) WHERE status = 'QUEUED';
CREATE INDEX outgoing_mail_subject_idx ON outgoing_mail (subject_type, subject_id, id);

-- A draft's invoice link: the customer pays through it. The token is the link's only secret (32 random
-- bytes); it is kept so the draft page can show the link again. One open link per order.
CREATE TABLE payment_links (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id        BIGINT      NOT NULL REFERENCES orders (id),
    token           TEXT        NOT NULL UNIQUE CHECK (length(token) >= 43),
    status          TEXT        NOT NULL CHECK (status IN ('OPEN', 'PAID', 'CLOSED')),
    expires_at      TIMESTAMPTZ NOT NULL,
    language        TEXT        NOT NULL,
    created_by_name TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    closed_at       TIMESTAMPTZ,
    closed_reason   TEXT
);
CREATE UNIQUE INDEX payment_links_one_open_idx ON payment_links (order_id) WHERE status = 'OPEN';

-- A payment made through a link, and the provider that handles it (test-card, bank-transfer, later stripe…).
ALTER TABLE payments ADD COLUMN link_id BIGINT REFERENCES payment_links (id);
ALTER TABLE payments ADD COLUMN provider TEXT;
ALTER TABLE payments ADD COLUMN next_check_at TIMESTAMPTZ;
-- Through one link, at most one attempt is under way or has succeeded: a second click, a reload or a retried
-- request finds the first attempt instead of paying twice.
CREATE UNIQUE INDEX payments_one_live_attempt_idx ON payments (link_id)
    WHERE link_id IS NOT NULL AND state IN ('INITIATED', 'PENDING', 'UNKNOWN', 'SUCCEEDED');
CREATE INDEX payments_to_check_idx ON payments (next_check_at) WHERE next_check_at IS NOT NULL;

-- Markets: where a customer's goods go decides the currency of their draft and invoice (Shopify's markets).
CREATE TABLE markets (
    code      TEXT    PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,15}$'),
    name      TEXT    NOT NULL,
    currency  CHAR(3) NOT NULL,
    countries TEXT[]  NOT NULL,
    position  INT     NOT NULL
);
-- A country belongs to one market at most (checked by Markets when an admin edits them).
INSERT INTO markets (code, name, currency, countries, position) VALUES
    ('EU', 'Germany / EU', 'EUR', ARRAY['DE', 'AT', 'BE', 'NL', 'LU', 'FR', 'IT', 'ES', 'PT', 'IE', 'FI', 'GR', 'SK',
                                        'SI', 'EE', 'LV', 'LT', 'MT', 'CY', 'HR'], 1),
    ('NO', 'Norway', 'NOK', ARRAY['NO'], 2),
    ('CN', 'China', 'CNY', ARRAY['CN'], 3),
    ('US', 'USA', 'USD', ARRAY['US'], 4);

-- How goods can go to a market, at what price (minor units of the market's currency). The customer chooses one
-- on the payment page.
CREATE TABLE shipping_methods (
    market   TEXT   NOT NULL REFERENCES markets (code) ON DELETE CASCADE,
    code     TEXT   NOT NULL,
    name     TEXT   NOT NULL,
    price    BIGINT NOT NULL CHECK (price >= 0),
    position INT    NOT NULL,
    PRIMARY KEY (market, code)
);
INSERT INTO shipping_methods (market, code, name, price, position) VALUES
    ('EU', 'DHL_PAKET', 'DHL Paket', 490, 1),
    ('EU', 'DHL_EXPRESS', 'DHL Express', 1490, 2),
    ('EU', 'PICKUP', 'Pick-up in Köln', 0, 3),
    ('NO', 'BRING', 'Posten/Bring', 9900, 1),
    ('NO', 'BRING_EXPRESS', 'Bring Express', 24900, 2),
    ('CN', 'SF', 'SF Express', 1800, 1),
    ('CN', 'YTO', 'YTO Express', 800, 2),
    ('US', 'UPS_GROUND', 'UPS Ground', 999, 1),
    ('US', 'UPS_2DAY', 'UPS 2nd Day Air', 2499, 2);

-- The shipping method the customer chose at checkout, for the warehouse.
ALTER TABLE payment_links ADD COLUMN shipping_method TEXT;
