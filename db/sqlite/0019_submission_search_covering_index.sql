-- Search (Features/Submissions/SearchSubmissions.cs) picks a page of full-text matches by id, status, visibility, date
-- and language before reading whole rows: this index answers those columns for each match without reading the row,
-- whose long text (body, body_html) is stored before them and spills into overflow pages.
CREATE INDEX ix_submission_search_filters ON submission (id, status, hidden, submitted_at, language);
