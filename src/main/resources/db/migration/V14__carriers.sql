-- The carriers the warehouse ships with; an admin keeps the list. A tracking-number pattern, when given, is a
-- regular expression the whole number (upper-cased, spaces removed) must match.
CREATE TABLE carriers (
    code             TEXT    PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,31}$'),
    name             TEXT    NOT NULL UNIQUE,
    tracking_pattern TEXT,
    active           BOOLEAN NOT NULL DEFAULT TRUE,
    position         INT     NOT NULL
);
INSERT INTO carriers (code, name, tracking_pattern, position) VALUES
    ('SF', 'SF Express', '^SF[0-9]{10,15}$', 1),
    ('YTO', 'YTO Express', '^YT[0-9]{10,16}$', 2),
    ('STO', 'STO Express', '^[0-9]{12,15}$', 3),
    ('ZTO', 'ZTO Express', '^[0-9]{12,15}$', 4),
    ('JD', 'JD Logistics', '^JD[A-Z0-9]{10,18}$', 5),
    ('DHL', 'DHL', '^(JJD[0-9]{10,20}|[0-9]{10,20})$', 6),
    ('UPS', 'UPS', '^1Z[0-9A-Z]{16}$', 7),
    ('DPD', 'DPD', '^[0-9]{14}$', 8),
    ('BRING', 'Posten/Bring', '^(70[0-9]{15}|[A-Z]{2}[0-9]{9}[A-Z]{2})$', 9);

-- A shipment names its carrier by code from now on (older rows keep the name they were written with).
ALTER TABLE shipments ADD COLUMN carrier_code TEXT REFERENCES carriers (code);
UPDATE shipments s SET carrier_code = c.code FROM carriers c
    WHERE upper(s.carrier) IN (upper(c.code), upper(c.name));
