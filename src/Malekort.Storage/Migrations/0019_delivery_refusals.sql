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
