-- Conditions and the activity duty (capture format: conditions.csv, activity_exemptions.csv, sanctions.csv; KOSTRA 11F
-- VILKAR*, VEDTAK*, SANKSJON*). Codes are KOSTRA's, several separated by '|', as the capture format writes them.

CREATE TABLE conditions (
    batch_id BIGINT NOT NULL REFERENCES batches (id),
    person_id BIGINT NOT NULL REFERENCES people (id),
    decided_date INTEGER NOT NULL,
    valid_from INTEGER NOT NULL,
    valid_to INTEGER NOT NULL,
    codes TEXT NOT NULL
);

CREATE TABLE activity_exemptions (
    batch_id BIGINT NOT NULL REFERENCES batches (id),
    person_id BIGINT NOT NULL REFERENCES people (id),
    decided_date INTEGER NOT NULL,
    grounds TEXT NOT NULL
);

-- sanction_date is empty where the source knows only the year (KOSTRA: "i løpet av året").
CREATE TABLE sanctions (
    batch_id BIGINT NOT NULL REFERENCES batches (id),
    person_id BIGINT NOT NULL REFERENCES people (id),
    sanction_year INTEGER NOT NULL,
    sanction_date INTEGER,
    kind TEXT NOT NULL
);
