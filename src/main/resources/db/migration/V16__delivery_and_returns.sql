-- Units of a line that came back from the customer (through a return the warehouse received, or a refund that
-- took the goods back); never more than shipped.
ALTER TABLE order_lines ADD COLUMN returned_quantity INT NOT NULL DEFAULT 0;
ALTER TABLE order_lines ADD CONSTRAINT order_lines_returned_le_shipped
    CHECK (returned_quantity BETWEEN 0 AND shipped_quantity);
-- When the carrier delivered everything.
ALTER TABLE orders ADD COLUMN delivered_at TIMESTAMPTZ;
ALTER TABLE shipments ADD COLUMN delivered_at TIMESTAMPTZ;

-- Returns the warehouse received: which lines, how many units, and what became of them.
CREATE TABLE returns (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id         BIGINT      NOT NULL REFERENCES orders (id),
    reason           TEXT        NOT NULL,
    received_by_id   BIGINT,
    received_by_name TEXT        NOT NULL,
    received_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX returns_order_idx ON returns (order_id);
CREATE TABLE return_lines (
    return_id     BIGINT NOT NULL REFERENCES returns (id),
    order_line_id BIGINT NOT NULL REFERENCES order_lines (id),
    quantity      INT    NOT NULL CHECK (quantity > 0),
    disposition   TEXT   NOT NULL CHECK (disposition IN ('RESTOCK', 'DEFECTIVE', 'SCRAP')),
    PRIMARY KEY (return_id, order_line_id)
);

-- The queue reads orders with units still to ship.
DROP INDEX orders_to_ship_idx;
CREATE INDEX orders_to_ship_idx ON orders (placed_at, id)
    WHERE lifecycle = 'APPROVED' AND fulfilment_status IN ('UNFULFILLED', 'PARTIALLY_SHIPPED');
