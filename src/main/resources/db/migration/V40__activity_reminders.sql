-- An activity's reminder is mailed once when it falls due (claimed with SKIP LOCKED: two instances never send it twice).
ALTER TABLE activities ADD COLUMN reminded_at TIMESTAMPTZ;
CREATE INDEX activities_to_remind_idx ON activities (due_at) WHERE done_at IS NULL AND reminded_at IS NULL;
