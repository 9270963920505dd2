-- batch_rows is a cache of what today's rules keep of each batch (BatchRows.From), not a fact: each row is stamped with the
-- rules version it was made under, and a store whose rules changed rebuilds the rows from the readable tables when it
-- migrates (SqlStore.RebuildBatchRows). Rows stored before this migration have no stamp, so they are rebuilt once.
ALTER TABLE batch_rows ADD COLUMN rules_version TEXT NOT NULL DEFAULT '';
