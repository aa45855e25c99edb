-- Orders made from another: a re-shipment (a lost parcel sent again, numbered RE<parent>), later splits.
ALTER TABLE orders ADD COLUMN parent_id BIGINT REFERENCES orders (id);
ALTER TABLE orders ADD COLUMN relation TEXT CHECK (relation IN ('RESHIP', 'SPLIT'));
CREATE INDEX orders_parent_idx ON orders (parent_id) WHERE parent_id IS NOT NULL;
