-- The search box finds orders by an item code in any case.
CREATE INDEX order_lines_sku_upper_idx ON order_lines (upper(sku));
