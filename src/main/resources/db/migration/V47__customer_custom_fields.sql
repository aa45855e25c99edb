-- Custom fields on customers (issue 18): a field belongs to orders or to customers, for good. A customer's values live
-- in its row as one JSON object, indexed as the order's are (GIN, jsonb_path_ops) for the customer list's filters.
ALTER TABLE custom_fields ADD COLUMN scope TEXT NOT NULL DEFAULT 'ORDER' CHECK (scope IN ('ORDER', 'CUSTOMER'));

ALTER TABLE customers ADD COLUMN custom_fields JSONB NOT NULL DEFAULT '{}';
CREATE INDEX customers_custom_fields_idx ON customers USING GIN (custom_fields jsonb_path_ops);
