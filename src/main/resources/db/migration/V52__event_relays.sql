-- How far each relay of the order's events to a stream (Kafka) has come: its cursor, locked by the instance that
-- relays (SKIP LOCKED), advanced only after the broker acknowledged.
CREATE TABLE event_relays (
    name     TEXT   PRIMARY KEY,
    position BIGINT NOT NULL
);
