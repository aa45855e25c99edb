-- What admins decide about documents on the settings page (one row): when Kontor issues an order's invoice by
-- itself. Without the row, kontor.documents.invoice-on decides.
CREATE TABLE document_settings (
    id         int         PRIMARY KEY CONSTRAINT document_settings_one CHECK (id = 1),
    invoice_on text        NOT NULL CONSTRAINT document_settings_invoice_on
        CHECK (invoice_on IN ('NEVER', 'APPROVAL', 'SHIPMENT', 'PAYMENT')),
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL
);

-- A mail may carry an issued document's PDF: the sender attaches the bytes as issued when it sends.
ALTER TABLE outgoing_mail ADD COLUMN attachment_document_id bigint REFERENCES documents (id);
