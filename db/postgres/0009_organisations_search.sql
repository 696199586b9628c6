-- Name and description lower-cased by the application (culture-invariant), so the directory's search is
-- case-insensitive for every script on both engines (SQLite's LOWER and LIKE fold ASCII only).
ALTER TABLE organisation ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
