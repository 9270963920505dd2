-- Values typed by a person for a municipality or district and month without captured data (issue 11 item 4): the numerator
-- (or the count) and the denominator as typed (null for a count), who and when. Facts only: whether a value is shown or has
-- been replaced by captured data is worked out when the scorecard is computed. manual_value_changes keeps every entry,
-- change and removal with who, when, old and new, append-only in both databases.
CREATE TABLE manual_values (
    unit TEXT NOT NULL,
    indicator TEXT NOT NULL,
    month TEXT NOT NULL,
    numerator INTEGER NOT NULL,
    denominator INTEGER,
    entered_by TEXT NOT NULL,
    entered_at TEXT NOT NULL,
    PRIMARY KEY (unit, indicator, month)
);
CREATE TABLE manual_value_changes (
    id {{id}},
    unit TEXT NOT NULL,
    indicator TEXT NOT NULL,
    month TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    old_numerator INTEGER,
    old_denominator INTEGER,
    new_numerator INTEGER,
    new_denominator INTEGER
);
CREATE INDEX manual_value_changes_unit ON manual_value_changes (unit, id);
{{append-only manual_value_changes}}
