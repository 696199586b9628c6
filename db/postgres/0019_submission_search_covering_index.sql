-- Search (Features/Submissions/SearchSubmissions.cs) picks a page of full-text matches by id, status, visibility, date
-- and language before reading whole rows: this index lets it check those columns for each match from the index
-- (an index-only scan once the table is vacuumed) instead of the wide rows.
CREATE INDEX ix_submission_search_filters ON submission (id, status, hidden, submitted_at, language);
