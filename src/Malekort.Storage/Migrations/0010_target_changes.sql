-- Every change of a year's targets (måltall) for an indicator in a unit or office (issue 11 item 3): who, when, how they were
-- set (even, weights, monthly; removed), the yearly target and weights typed, and the 12 monthly targets before and after as
-- invariant numbers separated by ';' (empty for a month without one). The targets table holds the months in force; this one
-- keeps how they came to be, and is append-only in both databases.
CREATE TABLE target_changes (
    id {{id}},
    unit TEXT NOT NULL,
    indicator TEXT NOT NULL,
    year INTEGER NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    method TEXT NOT NULL,
    yearly TEXT,
    weights TEXT,
    old_months TEXT NOT NULL,
    new_months TEXT NOT NULL
);
CREATE INDEX target_changes_unit ON target_changes (unit, indicator, year, id);
{{append-only target_changes}}
