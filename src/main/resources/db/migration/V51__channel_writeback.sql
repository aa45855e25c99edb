-- Channel write-back (issue 19): what happened to a marketplace's order that the marketplace must be told — shipped
-- (carrier, tracking), cancelled, refunded, a note for the marketplace — becomes an update for the channel's connector,
-- taken from the order's events after commit, sent with retries, its outcome in the order's timeline.
ALTER TABLE order_notes DROP CONSTRAINT order_notes_kind_check;
ALTER TABLE order_notes ADD CONSTRAINT order_notes_kind_check
    CHECK (kind IN ('INTERNAL', 'FINANCE', 'SHIPPING', 'BUYER', 'MARKETPLACE'));

CREATE TABLE channel_updates (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        BIGINT      NOT NULL UNIQUE REFERENCES order_events (id),
    order_id        BIGINT      NOT NULL,
    position        BIGINT      NOT NULL,
    channel         TEXT        NOT NULL,
    kind            TEXT        NOT NULL CHECK (kind IN ('SHIPPED', 'CANCELLED', 'REFUNDED', 'NOTE')),
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'DEAD')),
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    leased_until    TIMESTAMPTZ,
    first_failed_at TIMESTAMPTZ,
    last_error      TEXT,
    result          TEXT,
    confirmed_at    TIMESTAMPTZ
);
CREATE INDEX channel_updates_due_idx ON channel_updates (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX channel_updates_queue_idx ON channel_updates (order_id, position) WHERE status = 'PENDING';
CREATE INDEX channel_updates_open_idx ON channel_updates (order_id) WHERE status <> 'CONFIRMED';

-- How far the order's events have been turned into channel updates; its lock lets one instance do it at a time.
CREATE TABLE channel_writeback (
    id            INT    PRIMARY KEY CHECK (id = 1),
    fanned_out_to BIGINT NOT NULL
);
INSERT INTO channel_writeback (id, fanned_out_to) VALUES (1, 0);

-- The daily confirmation files of the marketplaces that take uploads (Taobao/Tmall, eBay, Amazon): one row per line,
-- rendered in the marketplace's format when downloaded (an application node keeps no files).
CREATE TABLE channel_file_lines (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    update_id    BIGINT      NOT NULL UNIQUE REFERENCES channel_updates (id),
    channel      TEXT        NOT NULL,
    day          DATE        NOT NULL,
    kind         TEXT        NOT NULL,
    order_number TEXT        NOT NULL,
    external_id  TEXT,
    carrier      TEXT,
    tracking     TEXT,
    amount       BIGINT,
    currency     TEXT,
    note         TEXT,
    at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX channel_file_lines_day_idx ON channel_file_lines (channel, day);
