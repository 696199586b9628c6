-- Search filters by language through its list in submission_facet (0025); nothing reads submissions by language
-- through the table any more, so this index (0023) only cost every write.
DROP INDEX ix_submission_language_listing;
