-- Payment terms: due on receipt, net 7 / 15 / 30 days, or a fixed date. due_on is the day payment is due
-- (the agreed date itself for FIXED_DATE), written with every change of the order so "overdue" is one index scan.
ALTER TABLE orders ADD COLUMN payment_terms TEXT NOT NULL DEFAULT 'DUE_ON_RECEIPT'
    CHECK (payment_terms IN ('DUE_ON_RECEIPT', 'NET_7', 'NET_15', 'NET_30', 'FIXED_DATE'));
ALTER TABLE orders ADD COLUMN due_on DATE;
UPDATE orders SET due_on = placed_at::date;
ALTER TABLE orders ALTER COLUMN due_on SET NOT NULL;
-- What the overdue view reads: money still owed on a live order, by due day.
CREATE INDEX orders_overdue_idx ON orders (due_on, id)
    WHERE payment_status IN ('UNPAID', 'PARTIALLY_PAID', 'PENDING')
      AND lifecycle IN ('NEW', 'APPROVED', 'ON_HOLD', 'COMPLETED');
