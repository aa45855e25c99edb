-- Payment and refund records; the order's payment status is derived from them.
CREATE TABLE payments (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id         BIGINT      NOT NULL REFERENCES orders (id),
    kind             TEXT        NOT NULL CHECK (kind IN ('PAYMENT', 'REFUND')),
    state            TEXT        NOT NULL CHECK (state IN ('INITIATED', 'PENDING', 'SUCCEEDED', 'FAILED', 'UNKNOWN')),
    amount           BIGINT      NOT NULL CHECK (amount > 0),
    currency         CHAR(3)     NOT NULL,
    method           TEXT        NOT NULL,
    reference        TEXT,
    occurred_at      TIMESTAMPTZ NOT NULL,
    recorded_by_id   BIGINT,
    recorded_by_name TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX payments_order_idx ON payments (order_id, id);
CREATE INDEX payments_reference_idx ON payments (reference) WHERE reference IS NOT NULL;

-- Shipments and what each carried; the order's fulfilment status is derived from them.
CREATE TABLE shipments (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id         BIGINT      NOT NULL REFERENCES orders (id),
    carrier          TEXT        NOT NULL,
    tracking_number  TEXT,
    shipped_at       TIMESTAMPTZ NOT NULL,
    recorded_by_id   BIGINT,
    recorded_by_name TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX shipments_order_idx ON shipments (order_id);
CREATE INDEX shipments_tracking_idx ON shipments (upper(tracking_number));

CREATE TABLE shipment_lines (
    shipment_id   BIGINT NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
    order_line_id BIGINT NOT NULL REFERENCES order_lines (id),
    quantity      INT    NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (shipment_id, order_line_id)
);
