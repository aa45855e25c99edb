-- The order desk's "received" (已接收, seed 003): who marked a new order received, and when. From then on a
-- salesperson voids it only with a supervisor's approval (the access policy reads it as a fact of the order).
ALTER TABLE orders ADD COLUMN received_at TIMESTAMPTZ;
ALTER TABLE orders ADD COLUMN received_by TEXT;
