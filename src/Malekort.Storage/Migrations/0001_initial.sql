-- Målekort schema v1. The same text runs on SQLite and PostgreSQL: {{id}} is the dialect's auto-numbered key.
-- Dates are integers yyyymmdd (calendar dates, readable, no time zone); money is integer øre; codes are the spec's own words.

CREATE TABLE import_log (
    id {{id}},
    source TEXT NOT NULL,
    format TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    outcome TEXT NOT NULL,
    unit TEXT,
    period_from INTEGER,
    period_to INTEGER,
    content_hash TEXT NOT NULL,
    counts TEXT NOT NULL
);

CREATE TABLE import_findings (
    import_id BIGINT NOT NULL REFERENCES import_log (id),
    severity TEXT NOT NULL,
    file TEXT NOT NULL,
    line INTEGER NOT NULL,
    col TEXT NOT NULL,
    rule TEXT NOT NULL,
    message TEXT NOT NULL
);
CREATE INDEX import_findings_import ON import_findings (import_id);

CREATE TABLE batches (
    id {{id}},
    import_id BIGINT NOT NULL REFERENCES import_log (id),
    content_hash TEXT NOT NULL UNIQUE,
    format TEXT NOT NULL,
    source_system TEXT NOT NULL,
    unit TEXT NOT NULL,
    period_from INTEGER NOT NULL,
    period_to INTEGER NOT NULL,
    extracted_at TEXT NOT NULL,
    domains INTEGER NOT NULL
);
CREATE INDEX batches_unit ON batches (unit);

-- Pseudonymous person keys, numbered once per unit so fact rows carry a small integer.
CREATE TABLE people (
    id {{id}},
    unit TEXT NOT NULL,
    person_key TEXT NOT NULL,
    UNIQUE (unit, person_key)
);

CREATE TABLE persons (
    batch_id BIGINT NOT NULL REFERENCES batches (id),
    person_id BIGINT NOT NULL REFERENCES people (id),
    birth_date INTEGER NOT NULL,
    sex INTEGER
);

CREATE TABLE code_lists (
    batch_id BIGINT NOT NULL REFERENCES batches (id),
    list TEXT NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    category TEXT NOT NULL
);

CREATE TABLE payments (
    batch_id BIGINT NOT NULL REFERENCES batches (id),
    payment_id TEXT NOT NULL,
    person_id BIGINT NOT NULL REFERENCES people (id),
    benefit_type TEXT NOT NULL,
    category TEXT NOT NULL,
    amount_ore BIGINT NOT NULL,
    status TEXT NOT NULL,
    payment_date INTEGER,
    period_from INTEGER,
    period_to INTEGER,
    case_id TEXT
);
CREATE INDEX payments_batch ON payments (batch_id);

CREATE TABLE livelihood (
    batch_id BIGINT NOT NULL REFERENCES batches (id),
    person_id BIGINT NOT NULL REFERENCES people (id),
    valid_from INTEGER NOT NULL,
    valid_to INTEGER,
    source INTEGER NOT NULL
);

CREATE TABLE family (
    batch_id BIGINT NOT NULL REFERENCES batches (id),
    person_id BIGINT NOT NULL REFERENCES people (id),
    member_id TEXT NOT NULL,
    relation TEXT NOT NULL,
    member_birth_date INTEGER,
    calculation_percent INTEGER,
    provider_duty INTEGER,
    in_household INTEGER,
    valid_from INTEGER,
    valid_to INTEGER,
    approximate INTEGER NOT NULL
);

CREATE TABLE cases (
    batch_id BIGINT NOT NULL REFERENCES batches (id),
    case_id TEXT NOT NULL,
    person_id BIGINT NOT NULL REFERENCES people (id),
    case_type TEXT NOT NULL,
    category TEXT NOT NULL,
    received_date INTEGER,
    approved_date INTEGER
);

CREATE TABLE kvp (
    batch_id BIGINT NOT NULL REFERENCES batches (id),
    person_id BIGINT NOT NULL REFERENCES people (id),
    registered_date INTEGER,
    decision_date INTEGER,
    start_date INTEGER NOT NULL,
    end_date INTEGER,
    status INTEGER,
    situation_after TEXT NOT NULL
);

CREATE TABLE jobseekers (
    batch_id BIGINT NOT NULL REFERENCES batches (id),
    person_id BIGINT NOT NULL REFERENCES people (id),
    grp TEXT NOT NULL,
    registered_from INTEGER NOT NULL,
    registered_to INTEGER
);

CREATE TABLE followups (
    batch_id BIGINT NOT NULL REFERENCES batches (id),
    person_id BIGINT NOT NULL REFERENCES people (id),
    followup_date INTEGER NOT NULL
);

CREATE TABLE population (
    unit TEXT NOT NULL,
    year INTEGER NOT NULL,
    aged_18_66 BIGINT NOT NULL,
    aged_18_24 BIGINT NOT NULL,
    total BIGINT NOT NULL,
    source TEXT NOT NULL,
    import_id BIGINT NOT NULL REFERENCES import_log (id),
    PRIMARY KEY (unit, year)
);

CREATE TABLE offices (
    office_number TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE office_units (
    unit TEXT NOT NULL PRIMARY KEY,
    office_number TEXT NOT NULL REFERENCES offices (office_number)
);

CREATE TABLE thresholds (
    unit TEXT NOT NULL,
    indicator TEXT NOT NULL,
    direction TEXT NOT NULL,
    green TEXT NOT NULL,
    red TEXT NOT NULL,
    set_by TEXT NOT NULL,
    PRIMARY KEY (unit, indicator)
);

CREATE TABLE targets (
    unit TEXT NOT NULL,
    indicator TEXT NOT NULL,
    month TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (unit, indicator, month)
);

CREATE TABLE data_version (
    id INTEGER NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO data_version (id, version) VALUES (1, 0);
