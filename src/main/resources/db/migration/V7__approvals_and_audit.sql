-- Requests for actions that need a supervisor's approval, and their decisions.
CREATE TABLE approval_requests (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_type      TEXT        NOT NULL,
    subject_id        BIGINT      NOT NULL,
    subject_label     TEXT        NOT NULL,
    action            TEXT        NOT NULL,
    payload           JSONB       NOT NULL DEFAULT '{}',
    subject_version   INT,
    reason            TEXT,
    why               TEXT        NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'DECLINED', 'FAILED')),
    requested_by_id   BIGINT REFERENCES users (id),
    requested_by_name TEXT        NOT NULL,
    requested_at      TIMESTAMPTZ NOT NULL,
    decided_by_id     BIGINT REFERENCES users (id),
    decided_by_name   TEXT,
    decided_at        TIMESTAMPTZ,
    decision_comment  TEXT,
    outcome           TEXT,
    CONSTRAINT approval_requests_four_eyes CHECK (decided_by_id IS NULL OR decided_by_id <> requested_by_id)
);
-- One pending request per action and subject: asking twice finds the first.
CREATE UNIQUE INDEX approval_requests_one_pending_idx ON approval_requests (subject_type, subject_id, action)
    WHERE status = 'PENDING';
CREATE INDEX approval_requests_status_idx ON approval_requests (status, id DESC);
CREATE INDEX approval_requests_subject_idx ON approval_requests (subject_type, subject_id);

-- Sign-ins, failed sign-ins, permission refusals, changes to users: who, when, from where. No secrets.
CREATE TABLE audit_log (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at    TIMESTAMPTZ NOT NULL,
    username       TEXT,
    event          TEXT        NOT NULL,
    detail         TEXT,
    remote_address TEXT
);
CREATE INDEX audit_log_event_idx ON audit_log (event, id DESC);
CREATE INDEX audit_log_username_idx ON audit_log (username, occurred_at DESC);
