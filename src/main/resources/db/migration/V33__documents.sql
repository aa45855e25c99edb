-- Documents: quotes, order confirmations, pro-formas, invoices, credit notes and delivery notes as records. An
-- issued document keeps what it said (its content as JSON, the PDF's bytes and their SHA-256) and never changes;
-- only a void is written on it later, and a wrong invoice is corrected by a credit note that names it.

-- One gapless counter per kind and year: a number is taken in the transaction that issues the document, so a
-- rolled-back issue gives its number back.
CREATE TABLE document_series (
    kind       text   NOT NULL,
    year       int    NOT NULL,
    next_value bigint NOT NULL,
    PRIMARY KEY (kind, year)
);

CREATE TABLE documents (
    id           bigserial PRIMARY KEY,
    order_id     bigint      NOT NULL REFERENCES orders (id),
    kind         text        NOT NULL CONSTRAINT documents_kind CHECK (kind IN
                     ('QUOTE', 'ORDER_CONFIRMATION', 'PROFORMA', 'INVOICE', 'CREDIT_NOTE', 'DELIVERY_NOTE')),
    number       text        NOT NULL UNIQUE,
    issued_at    timestamptz NOT NULL,
    issued_by_id bigint,
    issued_by    text        NOT NULL,
    language     text        NOT NULL,
    paper        text        NOT NULL CONSTRAINT documents_paper CHECK (paper IN ('A4', 'LETTER')),
    currency     char(3)     NOT NULL,
    total_minor  bigint      NOT NULL CONSTRAINT documents_total CHECK (total_minor >= 0),
    content      jsonb       NOT NULL,
    pdf          bytea       NOT NULL,
    pdf_sha256   text        NOT NULL,
    corrects_id  bigint REFERENCES documents (id),
    voided_at    timestamptz,
    voided_by    text,
    void_reason  text,
    CONSTRAINT documents_credit_note_names_invoice CHECK ((kind = 'CREDIT_NOTE') = (corrects_id IS NOT NULL))
);

CREATE INDEX documents_order ON documents (order_id, issued_at);
CREATE INDEX documents_kind_issued ON documents (kind, issued_at DESC);
CREATE INDEX documents_corrects ON documents (corrects_id) WHERE corrects_id IS NOT NULL;

-- Issued means issued: the database itself refuses to change what a document said or to delete it.
CREATE FUNCTION documents_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'an issued document is never deleted (%)', OLD.number;
    END IF;
    IF (NEW.order_id, NEW.kind, NEW.number, NEW.issued_at, NEW.issued_by, NEW.language, NEW.paper, NEW.currency,
        NEW.total_minor, NEW.content, NEW.pdf, NEW.pdf_sha256, NEW.corrects_id)
       IS DISTINCT FROM
       (OLD.order_id, OLD.kind, OLD.number, OLD.issued_at, OLD.issued_by, OLD.language, OLD.paper, OLD.currency,
        OLD.total_minor, OLD.content, OLD.pdf, OLD.pdf_sha256, OLD.corrects_id) THEN
        RAISE EXCEPTION 'an issued document never changes (%): correct it with a new one', OLD.number;
    END IF;
    IF OLD.voided_at IS NOT NULL THEN
        RAISE EXCEPTION 'document % is void already', OLD.number;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER documents_immutable BEFORE UPDATE OR DELETE ON documents
    FOR EACH ROW EXECUTE FUNCTION documents_immutable();

-- Links a customer downloads a document with: only the token's SHA-256 is kept.
CREATE TABLE document_links (
    token_sha256 text PRIMARY KEY,
    document_id  bigint      NOT NULL REFERENCES documents (id),
    created_at   timestamptz NOT NULL,
    created_by   text        NOT NULL,
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz
);

CREATE INDEX document_links_document ON document_links (document_id);

-- The letterhead's pictures (logo, the company stamp 公章, a signature), kept in the database so that every
-- instance prints the same; uploaded on the documents settings page.
CREATE TABLE document_images (
    purpose      text        PRIMARY KEY CONSTRAINT document_images_purpose CHECK (purpose IN ('LOGO', 'STAMP', 'SIGNATURE')),
    content_type text        NOT NULL CONSTRAINT document_images_type CHECK (content_type IN ('image/png', 'image/jpeg')),
    bytes        bytea       NOT NULL,
    updated_at   timestamptz NOT NULL,
    updated_by   text        NOT NULL
);
