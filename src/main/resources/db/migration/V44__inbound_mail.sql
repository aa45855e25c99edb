-- Mail from customers (issue 18): a polled IMAP mailbox. Each message is kept once (by its Message-ID, so a second
-- poll or a second Kontor instance never takes it twice); one that names an order lands on its timeline, one from an
-- unknown sender waits in the mail inbox as a lead until someone attaches it to an order or puts it aside.
CREATE TABLE inbound_mails (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id   TEXT        NOT NULL UNIQUE,
    received_at  TIMESTAMPTZ NOT NULL,
    sent_at      TIMESTAMPTZ,
    from_address TEXT        NOT NULL,
    from_name    TEXT,
    subject      TEXT,
    body         TEXT        NOT NULL,
    attachments  TEXT,
    order_id     BIGINT REFERENCES orders (id),
    handled_at   TIMESTAMPTZ,
    handled_by   TEXT
);
CREATE INDEX inbound_mails_waiting_idx ON inbound_mails (received_at DESC) WHERE order_id IS NULL AND handled_at IS NULL;

-- The mailbox's last poll, its last error, and the lock that lets one instance poll at a time.
CREATE TABLE mailbox_polls (
    id        INT PRIMARY KEY CHECK (id = 1),
    polled_at TIMESTAMPTZ,
    fetched   BIGINT NOT NULL DEFAULT 0,
    error     TEXT,
    error_at  TIMESTAMPTZ
);
INSERT INTO mailbox_polls (id) VALUES (1);
