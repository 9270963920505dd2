-- A batch that is the truth only about one thing (one Digisos application) names it; full-truth batches leave it null.
ALTER TABLE batches ADD COLUMN supersession_key TEXT;
