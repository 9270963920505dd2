-- Server mode: the run log (every capture, computation and publication) and published months with their revisions.
-- Neither touches data_version: logging or publishing changes no computed number, so the scorecard need not recompute.

CREATE TABLE run_log (
    id {{id}},
    kind TEXT NOT NULL,
    channel TEXT NOT NULL,
    started_at TEXT NOT NULL,
    duration_ms BIGINT NOT NULL,
    outcome TEXT NOT NULL,
    subject TEXT NOT NULL,
    unit TEXT,
    month TEXT,
    message TEXT NOT NULL,
    findings_count INTEGER NOT NULL,
    -- Every finding as JSON (file, line, column, why): a rejected drop is explained here and in its .funn.txt.
    findings TEXT NOT NULL
);

-- One row per revision of a month's numbers for one office; revision 1 is the first approval. Never updated: a correction
-- is a new revision.
CREATE TABLE publications (
    id {{id}},
    office TEXT NOT NULL,
    month TEXT NOT NULL,
    revision INTEGER NOT NULL,
    published_at TEXT NOT NULL,
    published_by TEXT NOT NULL,
    data_version BIGINT NOT NULL,
    fingerprint TEXT NOT NULL,
    UNIQUE (office, month, revision)
);

-- The frozen values: the office and each unit it served when published. Value is the round-trip text of the double, so
-- both databases give back exactly what was frozen.
CREATE TABLE publication_values (
    publication_id BIGINT NOT NULL REFERENCES publications (id),
    unit TEXT NOT NULL,
    indicator TEXT NOT NULL,
    numerator BIGINT,
    denominator BIGINT,
    value TEXT,
    PRIMARY KEY (publication_id, unit, indicator)
);
