-- Planned activities (issue 18, Bitrix's "Planen Sie einen Anruf"): a call, meeting, task or e-mail on an order or a
-- customer, due at a time, for a responsible person, done with an outcome that goes into the subject's timeline.
CREATE TABLE activities (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_type     TEXT        NOT NULL CHECK (subject_type IN ('order', 'customer')),
    subject_id       BIGINT      NOT NULL,
    subject_label    TEXT        NOT NULL,
    kind             TEXT        NOT NULL CHECK (kind IN ('CALL', 'MEETING', 'TASK', 'EMAIL')),
    due_at           TIMESTAMPTZ NOT NULL,
    responsible_id   BIGINT      NOT NULL REFERENCES users (id),
    note             TEXT,
    created_by       TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    done_at          TIMESTAMPTZ,
    done_by          TEXT,
    outcome          TEXT
);
-- "My activities" and the count in the navigation: what is open, for whom, by when.
CREATE INDEX activities_open_idx ON activities (responsible_id, due_at) WHERE done_at IS NULL;
CREATE INDEX activities_subject_idx ON activities (subject_type, subject_id, due_at);
