-- A timeline entry written by a listener after its event's transaction carries the event's key: a second delivery
-- of the same event (the outbox resubmits what failed) writes nothing.
ALTER TABLE timeline_entries ADD COLUMN event_key TEXT;
CREATE UNIQUE INDEX timeline_entries_event_key_idx ON timeline_entries (event_key) WHERE event_key IS NOT NULL;

-- Why an approved action failed is kept as a message key with its arguments, so each reader sees it in their own
-- language; outcomes written before are kept as the text they were.
ALTER TABLE approval_requests ALTER COLUMN outcome TYPE JSONB
    USING CASE WHEN outcome IS NULL THEN NULL ELSE jsonb_build_object('text', outcome) END;
