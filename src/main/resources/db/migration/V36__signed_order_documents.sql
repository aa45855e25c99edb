-- Seed 003's "document arrived" (到单): a business order can need its order document back, signed, before it is
-- approved; the scan is kept here. While an arrival stands the order is not voided; cancelling the arrival (with a
-- reason) comes first. Admins decide which orders need it: channels, and/or every business customer.
CREATE TABLE signed_documents (
    id            bigserial PRIMARY KEY,
    order_id      bigint      NOT NULL REFERENCES orders (id),
    file_name     text        NOT NULL,
    content_type  text        NOT NULL CONSTRAINT signed_documents_type
        CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg')),
    bytes         bytea       NOT NULL,
    arrived_at    timestamptz NOT NULL,
    arrived_by    text        NOT NULL,
    cancelled_at  timestamptz,
    cancelled_by  text,
    cancel_reason text
);

-- at most one standing arrival per order
CREATE UNIQUE INDEX signed_documents_standing ON signed_documents (order_id) WHERE cancelled_at IS NULL;

ALTER TABLE document_settings ADD COLUMN signed_channels text NOT NULL DEFAULT '';
ALTER TABLE document_settings ADD COLUMN signed_companies boolean NOT NULL DEFAULT false;
