-- Federation (issue 15, docs/federation.md): a local instance delivers its published months as aggregates to a central instance.
-- None of these tables holds anything about a person: units, indicators, numerators and denominators.

-- What this database is. A row with role 'sentral' makes it a central instance's (`serve --central`), which takes no
-- person-level input; without a row it is local.
CREATE TABLE instance_role (
    id INTEGER NOT NULL PRIMARY KEY,
    role TEXT NOT NULL,
    set_at TEXT NOT NULL
);

-- A revision records the definitions that produced it and each frozen value how it was made (ValueNotes by name), so a
-- delivery sent long after publishing says what the scorecard said then. Older revisions have neither.
ALTER TABLE publications ADD COLUMN definition_version TEXT;
ALTER TABLE publication_values ADD COLUMN notes TEXT;

-- Local: the revisions a central instance has confirmed, per central address. What is published and not here is still
-- to be delivered.
CREATE TABLE aggregate_receipts (
    central TEXT NOT NULL,
    office TEXT NOT NULL,
    month TEXT NOT NULL,
    revision INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    delivered_at TEXT NOT NULL,
    PRIMARY KEY (central, office, month, revision)
);

-- Central: every revision delivered, once per office, month and revision; never updated (a correction is the next revision).
-- source is 'lokal' (an office's own Målekort) or 'kostra' (KOSTRA-level aggregates taken for an office without one).
CREATE TABLE aggregate_deliveries (
    id {{id}},
    office TEXT NOT NULL,
    month TEXT NOT NULL,
    revision INTEGER NOT NULL,
    source TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    published_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    definition_version TEXT NOT NULL,
    UNIQUE (office, month, revision)
);

-- Central: each office's delivery key (`malekort central key`), as the SHA-256 of the key, never the key. A new key for an
-- office replaces the old one, which stops working at once.
CREATE TABLE delivery_keys (
    office TEXT NOT NULL PRIMARY KEY,
    key_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

-- The delivered numbers: the office's and each unit's, with the coverage the local instance computed.
CREATE TABLE aggregate_values (
    delivery_id BIGINT NOT NULL REFERENCES aggregate_deliveries (id),
    unit TEXT NOT NULL,
    indicator TEXT NOT NULL,
    numerator BIGINT,
    denominator BIGINT,
    notes TEXT NOT NULL,
    units_included INTEGER NOT NULL,
    units_total INTEGER NOT NULL,
    PRIMARY KEY (delivery_id, unit, indicator)
);
