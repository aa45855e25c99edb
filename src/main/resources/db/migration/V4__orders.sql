-- Orders: channels and their number series, the order with its three status axes, lines, observers, notes.

CREATE TABLE channels (
    code       TEXT    PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,31}$'),
    name       TEXT    NOT NULL,
    builtin    BOOLEAN NOT NULL DEFAULT FALSE,
    position   INT     NOT NULL
);

-- One gapless counter per series (a channel's code, or DRAFT). Taken with UPDATE … RETURNING inside the
-- transaction that creates the order, so a rolled-back order leaves no hole.
CREATE TABLE number_series (
    series     TEXT   PRIMARY KEY,
    prefix     TEXT   NOT NULL UNIQUE,
    digits     INT    NOT NULL DEFAULT 6 CHECK (digits BETWEEN 1 AND 12),
    next_value BIGINT NOT NULL DEFAULT 1 CHECK (next_value > 0)
);

INSERT INTO channels (code, name, builtin, position) VALUES
    ('MANUAL',  'Manual',   TRUE, 1),
    ('WEBSHOP', 'Web shop', TRUE, 2),
    ('TAOBAO',  'Taobao',   TRUE, 3),
    ('TMALL',   'Tmall',    TRUE, 4),
    ('EBAY',    'eBay',     TRUE, 5),
    ('AMAZON',  'Amazon',   TRUE, 6),
    ('SHOPIFY', 'Shopify',  TRUE, 7);

INSERT INTO number_series (series, prefix) VALUES
    ('DRAFT',   'D-'),
    ('MANUAL',  'SO-'),
    ('WEBSHOP', 'WS-'),
    ('TAOBAO',  'TB-'),
    ('TMALL',   'TM-'),
    ('EBAY',    'EB-'),
    ('AMAZON',  'AZ-'),
    ('SHOPIFY', 'SH-');

CREATE TABLE orders (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number             TEXT        NOT NULL UNIQUE,
    channel            TEXT        NOT NULL REFERENCES channels (code),
    external_id        TEXT,
    customer_id        BIGINT      NOT NULL REFERENCES customers (id),
    customer_name      TEXT        NOT NULL,
    email              TEXT,
    phone              TEXT,
    billing_address    JSONB,
    shipping_address   JSONB,
    currency           CHAR(3)     NOT NULL,
    prices_include_tax BOOLEAN     NOT NULL,
    subtotal           BIGINT      NOT NULL,
    shipping           BIGINT      NOT NULL CHECK (shipping >= 0),
    discount           BIGINT      NOT NULL CHECK (discount >= 0),
    tax                BIGINT      NOT NULL,
    total              BIGINT      NOT NULL CHECK (total >= 0),
    payment_method     TEXT,
    lifecycle          TEXT        NOT NULL,
    held_from          TEXT,
    hold_reason        TEXT,
    payment_status     TEXT        NOT NULL,
    fulfilment_status  TEXT        NOT NULL,
    paid               BIGINT      NOT NULL DEFAULT 0,
    refunded           BIGINT      NOT NULL DEFAULT 0,
    pending            BIGINT      NOT NULL DEFAULT 0,
    tags               TEXT[]      NOT NULL DEFAULT '{}',
    responsible_id     BIGINT      REFERENCES users (id),
    placed_at          TIMESTAMPTZ NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    updated_by         TEXT        NOT NULL,
    version            INT         NOT NULL DEFAULT 0,
    CONSTRAINT orders_refunded_le_paid CHECK (refunded <= paid)
);
-- A marketplace order arrives once: the same channel order id returns the existing order.
CREATE UNIQUE INDEX orders_channel_external_idx ON orders (channel, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX orders_customer_idx ON orders (customer_id);
CREATE INDEX orders_placed_idx ON orders (placed_at DESC, id DESC);
CREATE INDEX orders_lifecycle_idx ON orders (lifecycle, id DESC);
CREATE INDEX orders_responsible_idx ON orders (responsible_id);

CREATE TABLE order_lines (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id         BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    position         INT    NOT NULL,
    sku              TEXT   NOT NULL,
    name             TEXT   NOT NULL,
    attributes       JSON   NOT NULL DEFAULT '{}',  -- json, not jsonb: keeps the attributes' order (colour, then size)
    unit_price       BIGINT NOT NULL CHECK (unit_price >= 0),
    quantity         INT    NOT NULL CHECK (quantity > 0),
    discount         BIGINT NOT NULL DEFAULT 0 CHECK (discount >= 0),
    tax_rate         INT    NOT NULL DEFAULT 0 CHECK (tax_rate BETWEEN 0 AND 10000),
    line_total       BIGINT NOT NULL CHECK (line_total >= 0),
    shipped_quantity INT    NOT NULL DEFAULT 0,
    CONSTRAINT order_lines_shipped_le_ordered CHECK (shipped_quantity BETWEEN 0 AND quantity)
);
CREATE INDEX order_lines_order_idx ON order_lines (order_id, position);
CREATE INDEX order_lines_sku_idx ON order_lines (sku);

CREATE TABLE order_observers (
    order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    user_id  BIGINT NOT NULL REFERENCES users (id),
    PRIMARY KEY (order_id, user_id)
);
CREATE INDEX order_observers_user_idx ON order_observers (user_id);

CREATE TABLE order_notes (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    BIGINT      NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    kind        TEXT        NOT NULL CHECK (kind IN ('INTERNAL', 'FINANCE', 'SHIPPING')),
    body        TEXT        NOT NULL,
    author_id   BIGINT,
    author_name TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX order_notes_order_idx ON order_notes (order_id, kind, id);
