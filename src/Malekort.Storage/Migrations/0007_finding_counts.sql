-- A finding line may stand for many findings: an input lists only the first of each kind and ends the kind with one line
-- counting the rest (Finding.Count), so totals stay exact while a file of a million broken rows stores a hundred lines.
ALTER TABLE import_findings ADD COLUMN count BIGINT NOT NULL DEFAULT 1;
