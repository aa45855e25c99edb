-- What a refund gave money back for, line by line, and what became of the goods: back to stock, to the
-- defective count, or nothing (not sent back, or never shipped).
CREATE TABLE refund_lines (
    payment_id    BIGINT NOT NULL REFERENCES payments (id),
    order_line_id BIGINT NOT NULL REFERENCES order_lines (id),
    quantity      INT    NOT NULL CHECK (quantity > 0),
    goods         TEXT   NOT NULL CHECK (goods IN ('RESTOCK', 'DEFECTIVE', 'NONE')),
    PRIMARY KEY (payment_id, order_line_id)
);
CREATE INDEX refund_lines_line_idx ON refund_lines (order_line_id);
