-- A municipality's, district's or office's own choice of the indicators its scorecard shows (issue 11 item 5): which, in what
-- order (position from 1), and the heading each starts under (null: under the heading before it). Saving a choice replaces the
-- unit's rows; none means the national set in the catalogue's order. chosen_by and chosen_at say who saved it and when.
CREATE TABLE indicator_choices (
    unit TEXT NOT NULL,
    position INTEGER NOT NULL,
    indicator TEXT NOT NULL,
    heading TEXT,
    chosen_by TEXT NOT NULL,
    chosen_at TEXT NOT NULL,
    PRIMARY KEY (unit, position)
);
