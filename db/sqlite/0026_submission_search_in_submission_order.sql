-- Full-text search keys (submission_search_key.key, the FTS5 rowid) now follow the order of submission: a submission
-- gets its key, and enters the index, when it is submitted (drafts are never searched). Walking the matches of a
-- search by rowid from the top is then walking them newest first, which FTS5 does lazily. SearchSubmissions lists a
-- search that matches more than Search:CountLimit submissions that way: ranking every match of a common word read
-- and sorted tens of thousands of them (50 ms for 24,000 matches over 100,000 submissions), on every page view.
DROP TRIGGER submission_search_insert;
DROP TABLE submission_search;
DELETE FROM submission_search_key;
CREATE VIRTUAL TABLE submission_search USING fts5(title, summary, body, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO submission_search_key (submission_id)
SELECT id FROM submission WHERE status <> 'draft' ORDER BY submitted_at, id;
INSERT INTO submission_search (rowid, title, summary, body)
SELECT k.key, s.title, s.summary, s.body FROM submission_search_key k JOIN submission s ON s.id = k.submission_id ORDER BY k.key;

CREATE TRIGGER submission_search_insert AFTER INSERT ON submission WHEN new.status <> 'draft' BEGIN
    INSERT INTO submission_search_key (submission_id) VALUES (new.id);
    INSERT INTO submission_search (rowid, title, summary, body) VALUES (last_insert_rowid(), new.title, new.summary, new.body);
END;
CREATE TRIGGER submission_search_submit AFTER UPDATE OF status ON submission WHEN old.status = 'draft' AND new.status <> 'draft' BEGIN
    INSERT INTO submission_search_key (submission_id) VALUES (new.id);
    INSERT INTO submission_search (rowid, title, summary, body) VALUES (last_insert_rowid(), new.title, new.summary, new.body);
END;
