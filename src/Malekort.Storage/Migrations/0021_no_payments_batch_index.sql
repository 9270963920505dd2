-- No reader looks payments up by batch: the engine reads batch_rows, and the backfill of batch_rows reads the readable tables
-- whole (SqlStore.RebuildBatchRows). The index only cost every import a second B-tree insert per payment row (issue 14).
DROP INDEX payments_batch;
