-- When an order was first approved: seed 001's daily reconciliation lists the orders approved between 00:00 and
-- 13:00 and checks their count. Set by the statement that approves (never changed by a hold and release after);
-- orders approved before this column existed take the time of their first approval in the timeline.
ALTER TABLE orders ADD COLUMN approved_at TIMESTAMPTZ;

UPDATE orders o SET approved_at = first.at
FROM (SELECT subject_id, min(occurred_at) AS at FROM timeline_entries
      WHERE subject_type = 'order' AND action = 'order.approve' GROUP BY subject_id) AS first
WHERE o.id = first.subject_id;

UPDATE orders SET approved_at = updated_at
WHERE approved_at IS NULL AND lifecycle IN ('APPROVED', 'COMPLETED');

CREATE INDEX orders_approved_at_idx ON orders (approved_at, id) WHERE approved_at IS NOT NULL;
CREATE INDEX orders_payment_method_idx ON orders (payment_method) WHERE payment_method IS NOT NULL;
