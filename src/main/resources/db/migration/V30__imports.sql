-- Marketplace imports: a batch is one upload of one or more files (Taobao's orders and items reports together), read
-- into staging rows, checked, reviewed and committed through a bulk job. Staging rows stay with the batch for its
-- reconciliation report: what the files said, what Kontor made of each order, and every problem found.
CREATE TABLE import_batches (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name              TEXT        NOT NULL UNIQUE,
    channel           TEXT        NOT NULL,
    created_by_id     BIGINT      NOT NULL REFERENCES users (id),
    created_by_name   TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    rows_read         INT         NOT NULL DEFAULT 0,
    job_id            BIGINT,
    committed_by_name TEXT,
    committed_at      TIMESTAMPTZ
);
CREATE INDEX import_batches_created_idx ON import_batches (id DESC);

-- How another system's export maps to Kontor's fields, saved once per shop (header: the sample's columns;
-- columns: Kontor field → the file's column).
CREATE TABLE import_mappings (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            TEXT        NOT NULL UNIQUE,
    channel         TEXT        NOT NULL,
    currency        TEXT        NOT NULL,
    header          JSONB       NOT NULL,
    columns         JSONB       NOT NULL,
    created_by_name TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);

-- Each file of a batch as uploaded: its name, format, encoding, rows and SHA-256 (kept forever, for the report).
CREATE TABLE import_files (
    batch_id  BIGINT NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
    position  INT    NOT NULL,
    name      TEXT   NOT NULL,
    format    TEXT   NOT NULL,
    encoding  TEXT   NOT NULL,
    rows_read INT    NOT NULL,
    bytes     BIGINT NOT NULL,
    sha256    TEXT   NOT NULL,
    mapping_id BIGINT REFERENCES import_mappings (id) ON DELETE SET NULL,
    PRIMARY KEY (batch_id, position)
);

-- One order as its file had it (data: the staged order as JSON), what the checks made of it and, once committed,
-- what became of it. verdict: READY, WARNING (importable, with something to look at), REJECTED (not importable),
-- DUPLICATE (a second row for an order already in this batch). outcome: IMPORTED; UPDATED (Kontor had it, the file
-- said more: paid, shipped, closed); UNCHANGED (Kontor had it as the file says); CONFLICT (the file says what Kontor
-- contradicts: not applied). outcome_message: why it waits for review, what was updated, or the conflict.
CREATE TABLE import_orders (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    batch_id    BIGINT  NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
    external_id TEXT    NOT NULL,
    file_name   TEXT    NOT NULL,
    line_no     BIGINT  NOT NULL,
    currency    TEXT    NOT NULL,
    total       BIGINT,
    line_count  INT     NOT NULL DEFAULT 0,
    data        JSONB   NOT NULL,
    verdict     TEXT    NOT NULL DEFAULT 'READY'
                        CHECK (verdict IN ('READY', 'WARNING', 'REJECTED', 'DUPLICATE')),
    outcome     TEXT    CHECK (outcome IN ('IMPORTED', 'UPDATED', 'UNCHANGED', 'CONFLICT')),
    outcome_message JSONB,
    order_id    BIGINT,
    order_number TEXT,
    edited_by_name TEXT,
    edited_at   TIMESTAMPTZ
);
CREATE UNIQUE INDEX import_orders_once_idx ON import_orders (batch_id, external_id) WHERE verdict <> 'DUPLICATE';
CREATE INDEX import_orders_batch_idx ON import_orders (batch_id, id);

-- One item as its file had it, by its order's external id (matched after both files are read).
CREATE TABLE import_lines (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    batch_id    BIGINT NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
    external_id TEXT   NOT NULL,
    file_name   TEXT   NOT NULL,
    line_no     BIGINT NOT NULL,
    data        JSONB  NOT NULL
);
CREATE INDEX import_lines_order_idx ON import_lines (batch_id, external_id);

-- What the checks found, where: file, line, column, the order if known, and the message (key and arguments).
-- severity: ERROR (the order is not imported) or WARNING (it is, flagged for review).
CREATE TABLE import_problems (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    batch_id    BIGINT NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
    file_name   TEXT,
    line_no     BIGINT,
    column_name TEXT,
    external_id TEXT,
    severity    TEXT   NOT NULL CHECK (severity IN ('ERROR', 'WARNING')),
    code        TEXT   NOT NULL,
    message     JSONB  NOT NULL
);
CREATE INDEX import_problems_batch_idx ON import_problems (batch_id, id);

-- What the buyer wrote with a marketplace order (Taobao's 买家留言) is a note of its own kind, written by imports.
ALTER TABLE order_notes DROP CONSTRAINT order_notes_kind_check;
ALTER TABLE order_notes ADD CONSTRAINT order_notes_kind_check
    CHECK (kind IN ('INTERNAL', 'FINANCE', 'SHIPPING', 'BUYER'));

-- The shop's review rules for imported orders (one row): which paid orders are approved at commit.
-- max_totals: currency → the largest total (minor units) approved without review.
CREATE TABLE import_review_rules (
    id                    INT         PRIMARY KEY CHECK (id = 1),
    enabled               BOOLEAN     NOT NULL,
    without_buyer_message BOOLEAN     NOT NULL,
    max_totals            JSONB       NOT NULL,
    updated_by_name       TEXT,
    updated_at            TIMESTAMPTZ
);
INSERT INTO import_review_rules (id, enabled, without_buyer_message, max_totals) VALUES (1, FALSE, TRUE, '{}');
