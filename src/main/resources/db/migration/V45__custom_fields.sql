-- Custom fields (issue 18): fields an admin adds to orders. Their values live in the order's row as one JSON object
-- ({"deliveryDate": "2026-12-24", "hall": "4B"}); the GIN index (jsonb_path_ops) answers the list's filters
-- (custom_fields @> '{"hall": "4B"}') for every field at once. docs/custom-fields.md says more.
CREATE TABLE custom_fields (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key                  TEXT    NOT NULL UNIQUE,
    names                JSONB   NOT NULL,
    type                 TEXT    NOT NULL CHECK (type IN ('TEXT', 'NUMBER', 'MONEY', 'DATE', 'YES_NO', 'CHOICE', 'USER')),
    choices              JSONB   NOT NULL DEFAULT '[]',
    required             BOOLEAN NOT NULL DEFAULT FALSE,
    position             INT     NOT NULL,
    active               BOOLEAN NOT NULL DEFAULT TRUE
);

-- A sales stage can require custom fields to be filled in before an order enters it.
ALTER TABLE stages ADD COLUMN required_fields TEXT[] NOT NULL DEFAULT '{}';

ALTER TABLE orders ADD COLUMN custom_fields JSONB NOT NULL DEFAULT '{}';
CREATE INDEX orders_custom_fields_idx ON orders USING GIN (custom_fields jsonb_path_ops);
