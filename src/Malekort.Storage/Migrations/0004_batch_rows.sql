-- The engine's compact rows of each batch (BatchRows), beside the readable tables: loading reads one blob per batch
-- instead of millions of rows. Batches stored before this migration get theirs from the tables when the store migrates.
CREATE TABLE batch_rows (
    batch_id BIGINT NOT NULL PRIMARY KEY REFERENCES batches (id),
    data {{blob}} NOT NULL
);
