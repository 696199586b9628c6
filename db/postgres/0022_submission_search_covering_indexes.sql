-- Search (Features/Submissions/SearchSubmissions.cs) picks a page of full-text matches by id, status, visibility, date
-- and language before reading whole rows: this index lets it check those columns for each match from the index
-- (an index-only scan once the table is vacuumed) instead of the wide rows.
CREATE INDEX ix_submission_search_filters ON submission (id, status, hidden, submitted_at, language);

-- Country and region filters collect the signed submissions of the matching organisations: with the submission id in
-- the index, that walk never reads the table (for a continent, tens of thousands of signatures). It replaces
-- ix_submission_signatory_organisation (0012), which is its prefix.
CREATE INDEX ix_submission_signatory_organisation_submission ON submission_signatory (organisation_id, status, submission_id);
DROP INDEX ix_submission_signatory_organisation;
