-- Every change of a unit's own thresholds (issue 11 item 2): who, when, the limits before and after. The thresholds table
-- holds the limits in force; this one keeps how they came to be, and is append-only in both databases. A first setting has
-- no old limits, a removal (the recommended default applies again) no new ones. Numbers are invariant decimal text, as in
-- thresholds.
CREATE TABLE threshold_changes (
    id {{id}},
    unit TEXT NOT NULL,
    indicator TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    old_direction TEXT,
    old_green TEXT,
    old_red TEXT,
    new_direction TEXT,
    new_green TEXT,
    new_red TEXT
);
CREATE INDEX threshold_changes_unit ON threshold_changes (unit, id);
{{append-only threshold_changes}}
