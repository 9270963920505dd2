-- Comparison groups (issue 12 item 3): a set of units a user has saved under a name, as KOSTRA's comparison groups, to compare
-- them again. Each belongs to the user who saved it (owner: the sign-in name); saving the same name again replaces its units.
-- units holds the unit codes separated by spaces, in the order chosen. Numbered 0011: 0010 is the leader's target history.
CREATE TABLE comparison_groups (
    owner TEXT NOT NULL,
    name TEXT NOT NULL,
    units TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (owner, name)
);
