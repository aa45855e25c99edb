-- An upload being read into staging: how far it is, and whether its user cancelled it. Written in its own short
-- transactions beside the (one, long) staging transaction, so that any Kontor instance can show the progress bar
-- and take the cancel; the row goes when the upload ends.
CREATE TABLE import_uploads (
    id          uuid PRIMARY KEY,
    user_id     bigint      NOT NULL,
    started_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    bytes_total bigint      NOT NULL DEFAULT 0,
    bytes_read  bigint      NOT NULL DEFAULT 0,
    rows_read   bigint      NOT NULL DEFAULT 0,
    phase       text        NOT NULL DEFAULT 'UPLOADING'
        CONSTRAINT import_uploads_phase CHECK (phase IN ('UPLOADING', 'READING', 'CHECKING')),
    cancelled   boolean     NOT NULL DEFAULT false
);

CREATE INDEX import_uploads_updated ON import_uploads (updated_at);
