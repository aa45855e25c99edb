-- Customers can be edited (issue 18): a company's tax number (VAT ID, 统一社会信用代码, organisasjonsnummer), and who
-- changed the customer last, so that a colleague's concurrent edit is refused naming them.
ALTER TABLE customers ADD COLUMN tax_id TEXT;
ALTER TABLE customers ADD COLUMN updated_by TEXT;
