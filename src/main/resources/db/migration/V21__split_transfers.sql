-- Money moved between orders when one is split: paid to the parent, carried over to the child. Not a refund:
-- the customer got nothing back; it counts as paid on the child and no longer on the parent.
ALTER TABLE payments DROP CONSTRAINT payments_kind_check;
ALTER TABLE payments ADD CONSTRAINT payments_kind_check
    CHECK (kind IN ('PAYMENT', 'REFUND', 'TRANSFER_IN', 'TRANSFER_OUT'));
