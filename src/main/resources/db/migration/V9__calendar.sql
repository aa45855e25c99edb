-- Holidays per country: the days that, with weekends, are not working days (time-limited reservations
-- count working days). Admins edit them; a few are seeded.
CREATE TABLE holidays (
    country CHAR(2) NOT NULL,
    day     DATE    NOT NULL,
    name    TEXT    NOT NULL,
    PRIMARY KEY (country, day)
);
INSERT INTO holidays (country, day, name) VALUES
    ('DE', '2026-12-25', 'Erster Weihnachtstag'), ('DE', '2026-12-26', 'Zweiter Weihnachtstag'),
    ('DE', '2027-01-01', 'Neujahr'), ('DE', '2027-03-26', 'Karfreitag'), ('DE', '2027-03-29', 'Ostermontag'),
    ('DE', '2027-05-01', 'Tag der Arbeit'), ('DE', '2027-10-03', 'Tag der Deutschen Einheit'),
    ('CN', '2027-01-01', '元旦'), ('CN', '2027-02-06', '春节'), ('CN', '2027-02-07', '春节'), ('CN', '2027-02-08', '春节'),
    ('CN', '2027-02-09', '春节'), ('CN', '2027-02-10', '春节'), ('CN', '2027-02-11', '春节'), ('CN', '2027-02-12', '春节'),
    ('CN', '2027-04-05', '清明节'), ('CN', '2027-05-01', '劳动节'), ('CN', '2027-10-01', '国庆节'),
    ('NO', '2026-12-25', 'Første juledag'), ('NO', '2026-12-26', 'Andre juledag'), ('NO', '2027-01-01', 'Nyttårsdag'),
    ('NO', '2027-03-25', 'Skjærtorsdag'), ('NO', '2027-03-26', 'Langfredag'), ('NO', '2027-03-29', 'Andre påskedag'),
    ('NO', '2027-05-17', 'Grunnlovsdag');
