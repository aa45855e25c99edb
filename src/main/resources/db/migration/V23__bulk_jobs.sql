-- Bulk actions on many orders run as jobs: one row per chosen order, worked off in the background by whichever
-- instance claims it (a lease, so a crashed instance's share is taken over), each order in its own transaction
-- together with its item's outcome, so an order is never acted on twice and a report is never lost.
CREATE TABLE bulk_jobs (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    action            TEXT        NOT NULL CHECK (action IN ('APPROVE', 'HOLD', 'RELEASE', 'TAG', 'UNTAG', 'ASSIGN')),
    argument          TEXT,
    requested_by_id   BIGINT      NOT NULL REFERENCES users (id),
    requested_by_name TEXT        NOT NULL,
    total             INT         NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX bulk_jobs_requester_idx ON bulk_jobs (requested_by_id, id DESC);

CREATE TABLE bulk_job_items (
    job_id      BIGINT      NOT NULL REFERENCES bulk_jobs (id) ON DELETE CASCADE,
    position    INT         NOT NULL,
    order_id    BIGINT      NOT NULL,
    status      TEXT        NOT NULL DEFAULT 'PENDING'
                            CHECK (status IN ('PENDING', 'DONE', 'ASKED', 'REFUSED', 'FAILED')),
    message     TEXT,
    lease_until TIMESTAMPTZ,
    finished_at TIMESTAMPTZ,
    PRIMARY KEY (job_id, position)
);
-- What is left to do, in order; small, because finished items leave it.
CREATE INDEX bulk_job_items_pending_idx ON bulk_job_items (job_id, position) WHERE status = 'PENDING';
