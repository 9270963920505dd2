-- Local: revisions a central instance refused for good (issue 15, docs/federation.md): 409, the revision is stored there with
-- other content, or 422, the document does not hold there (the two office registers disagree). Sending it again cannot help,
-- so the sender stops until the office publishes a new revision, and /publisering and the run log say «avvist – krever
-- handling» with the central's reason. A fact about the central's answer, kept once per revision.
CREATE TABLE aggregate_refusals (
    central TEXT NOT NULL,
    office TEXT NOT NULL,
    month TEXT NOT NULL,
    revision INTEGER NOT NULL,
    status INTEGER NOT NULL,
    reason TEXT NOT NULL,
    refused_at TEXT NOT NULL,
    PRIMARY KEY (central, office, month, revision)
);

-- /datakvalitet (issue 13): each import's findings are read in (line, seq) order a few at a time and summed by count, so
-- the index holds all four and neither a sort nor the table is touched; the import log is filtered by unit and read newest
-- first. Before, a page of 50 imports sorted every import's findings (up to 5 000 each) and summed them from the table.
CREATE INDEX import_findings_order ON import_findings (import_id, line, seq, count);
CREATE INDEX import_log_unit ON import_log (unit, id);
