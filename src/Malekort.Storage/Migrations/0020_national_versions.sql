-- National versions of indicator definitions the directorate adds in the browser (issue 11 item 7), as facts, append-only in both
-- databases: each row adds a version (the indicator, its fixed number, first month, formula as typed, what changed) or removes one
-- (removed = 1), with who and when. The versions in force are the added ones not removed since; what a formula computes is worked
-- out from its text when the scorecard is computed, so an old month's version before it stays exactly what it was.
CREATE TABLE national_version_changes (
    id {{id}},
    version_of TEXT NOT NULL,
    number INTEGER NOT NULL,
    valid_from TEXT NOT NULL,
    formula TEXT NOT NULL,
    change TEXT NOT NULL,
    removed INTEGER NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL
);
CREATE INDEX national_version_changes_code ON national_version_changes (version_of, number, id);
{{append-only national_version_changes}}
