-- Findings keep the order the reader reported them in where the line ties (several on one line, or on the whole file):
-- neither database promises a stable sort. Findings stored before this migration have no sequence and sort by line only.
ALTER TABLE import_findings ADD COLUMN seq INTEGER;
