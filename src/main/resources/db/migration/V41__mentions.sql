-- A colleague @mentioned in an order's note finds it among their activities (issue 18).
ALTER TABLE activities DROP CONSTRAINT activities_kind_check;
ALTER TABLE activities ADD CONSTRAINT activities_kind_check CHECK (kind IN ('CALL', 'MEETING', 'TASK', 'EMAIL', 'MENTION'));
