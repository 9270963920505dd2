-- The readable tables' batch_id and person_id are written by the one import transaction that creates or looks up every batch
-- and person id they name (SqlStore.SaveBatches), and no row of them is ever changed or removed (nor are batches or people),
-- so the foreign keys could only ever be checked, never fail. On PostgreSQL those checks were most of an import's time: one
-- index look-up and one row lock per reference, two per row (issue 14: 600 000 rows by COPY 2.7 s without them, 38 s with).
-- SQLite never checks them during an import (PRAGMA foreign_keys = OFF for the load) and keeps them declared: dropping one
-- there means rebuilding the table. batch_rows and import_findings keep theirs: one row per batch or finding, not per fact.
{{drop-references persons}}
{{drop-references code_lists}}
{{drop-references payments}}
{{drop-references livelihood}}
{{drop-references family}}
{{drop-references cases}}
{{drop-references kvp}}
{{drop-references jobseekers}}
{{drop-references followups}}
{{drop-references conditions}}
{{drop-references activity_exemptions}}
{{drop-references sanctions}}
