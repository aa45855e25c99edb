-- The history of everything that happens to an order (or, later, another subject): who, when, what,
-- the values before and after, and why. Append-only.
CREATE TABLE timeline_entries (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_type TEXT        NOT NULL,
    subject_id   BIGINT      NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    actor_id     BIGINT,
    actor_name   TEXT        NOT NULL,
    action       TEXT        NOT NULL,
    changes      JSONB       NOT NULL DEFAULT '[]',
    reason       TEXT,
    details      JSONB       NOT NULL DEFAULT '{}'
);
CREATE INDEX timeline_entries_subject_idx ON timeline_entries (subject_type, subject_id, id DESC);
