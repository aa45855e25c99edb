-- Webhooks (issue 19): an admin subscribes an HTTPS endpoint to the order's event types; each event of those types
-- becomes a delivery, sent by a background job after commit, in order per order (an order's next delivery waits for
-- the one before it), retried with exponential backoff, given up (dead) after the retry window, replayable.
CREATE TABLE webhook_subscriptions (
    id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url                   TEXT        NOT NULL,
    description           TEXT,
    event_types           TEXT[]      NOT NULL DEFAULT '{}',
    secret                TEXT        NOT NULL,
    previous_secret       TEXT,
    previous_secret_until TIMESTAMPTZ,
    active                BOOLEAN     NOT NULL DEFAULT TRUE,
    disabled_at           TIMESTAMPTZ,
    disabled_reason       TEXT,
    fanned_out_to         BIGINT      NOT NULL,
    last_success_at       TIMESTAMPTZ,
    created_at            TIMESTAMPTZ NOT NULL,
    created_by            TEXT        NOT NULL
);

CREATE TABLE webhook_deliveries (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id  BIGINT      NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    event_id         BIGINT      NOT NULL REFERENCES order_events (id),
    order_id         BIGINT      NOT NULL,
    position         BIGINT      NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'DEAD')),
    attempts         INT         NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    leased_until     TIMESTAMPTZ,
    first_failed_at  TIMESTAMPTZ,
    last_attempt_at  TIMESTAMPTZ,
    last_status      INT,
    last_error       TEXT,
    last_response    TEXT,
    delivered_at     TIMESTAMPTZ,
    replay           BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_deliveries_queue_idx ON webhook_deliveries (subscription_id, order_id, position)
    WHERE status = 'PENDING';
CREATE INDEX webhook_deliveries_subscription_idx ON webhook_deliveries (subscription_id, id DESC);
