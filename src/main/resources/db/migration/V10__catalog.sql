-- The catalog: products, their variants (by attributes such as colour and size), prices per currency, suppliers.
CREATE TABLE suppliers (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         TEXT        NOT NULL UNIQUE,
    contact_name TEXT,
    email        TEXT,
    phone        TEXT,
    address      TEXT,
    created_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE products (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code       TEXT        NOT NULL UNIQUE,
    name       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    version    INT         NOT NULL DEFAULT 0
);
CREATE INDEX products_name_idx ON products (lower(name));

CREATE TABLE variants (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id          BIGINT      NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    sku                 TEXT        NOT NULL,
    -- the code's number part (WLY0QU1098 → 1098): the Taobao back office finds items by it
    sku_number          TEXT,
    attributes          JSON        NOT NULL DEFAULT '{}',
    status              TEXT        NOT NULL CHECK (status IN ('NORMAL', 'OUT_OF_STOCK', 'DISCONTINUED')),
    allow_backorder     BOOLEAN     NOT NULL DEFAULT FALSE,
    supplier_id         BIGINT REFERENCES suppliers (id),
    purchase_price      BIGINT CHECK (purchase_price >= 0),
    purchase_currency   CHAR(3),
    low_stock_threshold INT         NOT NULL DEFAULT 0 CHECK (low_stock_threshold >= 0),
    position            INT         NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX variants_sku_idx ON variants (upper(sku));
CREATE INDEX variants_sku_number_idx ON variants (sku_number);
CREATE INDEX variants_product_idx ON variants (product_id, position);

CREATE TABLE variant_prices (
    variant_id BIGINT  NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
    currency   CHAR(3) NOT NULL,
    amount     BIGINT  NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (variant_id, currency)
);

-- Stock: per variant and location, the figures and the append-only ledger they are the sum of.
CREATE TABLE locations (
    code       TEXT PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{0,19}$'),
    name       TEXT    NOT NULL,
    country    CHAR(2) NOT NULL,
    is_default BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE UNIQUE INDEX locations_one_default_idx ON locations (is_default) WHERE is_default;
INSERT INTO locations (code, name, country, is_default) VALUES ('MAIN', 'Main warehouse', 'DE', TRUE);

-- reserved never exceeds on hand: with the conditional update that reserves, stock cannot be oversold.
CREATE TABLE stock_levels (
    variant_id  BIGINT NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
    location    TEXT   NOT NULL REFERENCES locations (code),
    on_hand     INT    NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
    reserved    INT    NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    backordered INT    NOT NULL DEFAULT 0 CHECK (backordered >= 0),
    defective   INT    NOT NULL DEFAULT 0 CHECK (defective >= 0),
    PRIMARY KEY (variant_id, location),
    CONSTRAINT stock_never_oversold CHECK (reserved <= on_hand)
);

CREATE TABLE stock_movements (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    variant_id        BIGINT      NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
    location          TEXT        NOT NULL REFERENCES locations (code),
    kind              TEXT        NOT NULL CHECK (kind IN ('RECEIPT', 'ADJUSTMENT', 'RESERVATION', 'RELEASE',
                                                           'BACKORDER', 'SHIPMENT', 'DEFECTIVE', 'RETURN')),
    on_hand_delta     INT         NOT NULL DEFAULT 0,
    reserved_delta    INT         NOT NULL DEFAULT 0,
    backordered_delta INT         NOT NULL DEFAULT 0,
    defective_delta   INT         NOT NULL DEFAULT 0,
    reason            TEXT,
    reference         TEXT,
    order_id          BIGINT,
    order_label       TEXT,
    actor_id          BIGINT,
    actor_name        TEXT        NOT NULL,
    occurred_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX stock_movements_variant_idx ON stock_movements (variant_id, id DESC);
CREATE INDEX stock_movements_order_idx ON stock_movements (order_id) WHERE order_id IS NOT NULL;

-- What each order line holds: units reserved, units promised without stock (backordered), and until when a
-- draft's hold lasts.
CREATE TABLE reservations (
    order_line_id BIGINT      PRIMARY KEY,
    order_id      BIGINT      NOT NULL,
    order_label   TEXT        NOT NULL,
    variant_id    BIGINT      NOT NULL REFERENCES variants (id),
    location      TEXT        NOT NULL REFERENCES locations (code),
    reserved      INT         NOT NULL CHECK (reserved >= 0),
    backordered   INT         NOT NULL CHECK (backordered >= 0),
    expires_at    TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX reservations_order_idx ON reservations (order_id);
CREATE INDEX reservations_variant_idx ON reservations (variant_id, location);
CREATE INDEX reservations_expiry_idx ON reservations (expires_at) WHERE expires_at IS NOT NULL;
CREATE INDEX reservations_backorder_idx ON reservations (variant_id, location, created_at) WHERE backordered > 0;

-- A note from anyone to purchasing: buy this.
CREATE TABLE purchasing_notices (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    variant_id     BIGINT      NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
    quantity       INT         NOT NULL CHECK (quantity > 0),
    note           TEXT,
    requested_by   TEXT        NOT NULL,
    requested_at   TIMESTAMPTZ NOT NULL,
    done_by        TEXT,
    done_at        TIMESTAMPTZ
);
CREATE INDEX purchasing_notices_open_idx ON purchasing_notices (requested_at) WHERE done_at IS NULL;
