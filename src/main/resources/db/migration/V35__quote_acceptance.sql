-- A customer accepts a quote through its link: when, once. The immutability trigger lets exactly that, and a void,
-- be written on an issued document.
ALTER TABLE documents ADD COLUMN accepted_at timestamptz;

CREATE OR REPLACE FUNCTION documents_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
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
    IF OLD.accepted_at IS NOT NULL AND NEW.accepted_at IS DISTINCT FROM OLD.accepted_at THEN
        RAISE EXCEPTION 'document % was accepted already', OLD.number;
    END IF;
    IF NEW.accepted_at IS NOT NULL AND OLD.kind <> 'QUOTE' THEN
        RAISE EXCEPTION 'only a quote is accepted (%)', OLD.number;
    END IF;
    RETURN NEW;
END $$;
