-- The order's events for integrators (issue 19): written in the transaction of the change they describe (from the
-- order's timeline), numbered per order (seq, from order_event_counters, whose row lock orders concurrent changes of
-- one order) and later given a global position in commit order by one sequencer at a time, which is the cursor of the
-- polling feed and of webhook deliveries: a reader that has seen position N has seen every event before it.
CREATE TABLE order_event_counters (
    order_id BIGINT PRIMARY KEY,
    seq      INT    NOT NULL
);

CREATE TABLE order_events (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    position     BIGINT,
    order_id     BIGINT      NOT NULL,
    order_number TEXT        NOT NULL,
    seq          INT         NOT NULL,
    type         TEXT        NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    actor        TEXT,
    data         JSONB       NOT NULL
);
-- Few indexes, on purpose: an event is written with every change of an order. (order_id, seq) is unique by the
-- counter's row lock; a replay from a time reads the block-range index, which costs next to nothing to keep.
CREATE UNIQUE INDEX order_events_position_idx ON order_events (position) WHERE position IS NOT NULL;
CREATE INDEX order_events_unsequenced_idx ON order_events (id) WHERE position IS NULL;
CREATE INDEX order_events_time_idx ON order_events USING BRIN (occurred_at);

-- The lock that lets one instance sequence at a time.
CREATE TABLE event_sequencer (
    id INT PRIMARY KEY CHECK (id = 1)
);
INSERT INTO event_sequencer (id) VALUES (1);
