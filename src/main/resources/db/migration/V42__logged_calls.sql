-- A call logged after it happened (issue 18): an activity done at once, with its direction and length.
ALTER TABLE activities ADD COLUMN call_direction TEXT CHECK (call_direction IN ('INBOUND', 'OUTBOUND'));
ALTER TABLE activities ADD COLUMN call_minutes INT CHECK (call_minutes >= 0);
