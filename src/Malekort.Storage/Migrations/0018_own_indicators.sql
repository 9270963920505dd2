-- A municipality's or office's own indicators, each a formula over the base counts and population (issue 11 item 6), as typed:
-- code, texts, direction, unit of measure, the formula's text, the owning unit, the units it is given to (space-separated codes)
-- and who saved it when. Facts only: what a formula computes is worked out from its text when the scorecard is computed.
-- own_indicator_changes keeps every version saved and every removal (new_formula null), append-only in both databases.
CREATE TABLE own_indicators (
    code TEXT NOT NULL PRIMARY KEY,
    owner TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    direction TEXT NOT NULL,
    measure TEXT NOT NULL,
    formula TEXT NOT NULL,
    shared_with TEXT NOT NULL,
    defined_by TEXT NOT NULL,
    defined_at TEXT NOT NULL
);
CREATE TABLE own_indicator_changes (
    id {{id}},
    code TEXT NOT NULL,
    owner TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    old_formula TEXT,
    new_formula TEXT,
    name TEXT,
    description TEXT,
    direction TEXT,
    measure TEXT,
    shared_with TEXT
);
CREATE INDEX own_indicator_changes_code ON own_indicator_changes (code, id);
{{append-only own_indicator_changes}}
