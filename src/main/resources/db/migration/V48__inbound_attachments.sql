-- The attachments of mail from customers (issue 18), kept with the mail in the database (an application node keeps no
-- files of its own): a signed order, a photo of a damaged parcel. One above the mailbox's size limit is named, not kept.
CREATE TABLE inbound_attachments (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mail_id      BIGINT  NOT NULL REFERENCES inbound_mails (id) ON DELETE CASCADE,
    position     INT     NOT NULL,
    file_name    TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    bytes        BIGINT  NOT NULL,
    content      BYTEA,
    UNIQUE (mail_id, position)
);
