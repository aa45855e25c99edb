-- Which carrier a shipping method goes with, and the carrier an order is planned to go with (from the shipping
-- method the customer chose at checkout). The warehouse queue counts by it; the ship form starts with it.
ALTER TABLE shipping_methods ADD COLUMN carrier TEXT;
UPDATE shipping_methods SET carrier = CASE code
    WHEN 'DHL_PAKET' THEN 'DHL' WHEN 'DHL_EXPRESS' THEN 'DHL' WHEN 'BRING' THEN 'BRING' WHEN 'BRING_EXPRESS' THEN 'BRING'
    WHEN 'SF' THEN 'SF' WHEN 'YTO' THEN 'YTO' WHEN 'UPS_GROUND' THEN 'UPS' WHEN 'UPS_2DAY' THEN 'UPS' END;
ALTER TABLE orders ADD COLUMN planned_carrier TEXT;

-- The warehouse queue: approved orders with something left to ship, oldest first.
CREATE INDEX orders_to_ship_idx ON orders (placed_at, id)
    WHERE lifecycle = 'APPROVED' AND fulfilment_status <> 'SHIPPED';
