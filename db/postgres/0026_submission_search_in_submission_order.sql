-- Nothing to change on PostgreSQL: the SQLite script of this number gives FTS5 keys in the order of submission so that
-- a broad search can walk its newest matches first. Here the text is searched through the generated `search` column
-- (0012), and "newest first" is the listing index's own order (ix_submission_listing, 0015). The script exists so
-- that both engines keep the same migration numbers.
SELECT 1;
