-- The blacklisted orders read straight off an index in the list's sort order (docs/search.md); what the warehouse
-- may ship has had its own (orders_to_ship_idx, V16).
CREATE INDEX orders_flagged_placed_idx ON orders (placed_at DESC, id DESC) WHERE flagged;
DROP INDEX orders_flagged_idx;
