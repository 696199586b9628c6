-- Search filters (Features/Submissions/SearchSubmissions.cs) as lists kept in listing order: for each filter value
-- (a language, a key priority, a GCM objective, and the countries, regions at every level and constituencies of a
-- submission's signed organisations), the submissions that have it, with the columns the listing sorts and narrows by.
-- A search walks the shortest list given, newest first, and looks each candidate up in the others by key, so a page
-- and its count (up to Search:CountLimit) read about as many entries as they show. Working regions and constituencies
-- out from signatures at search time walked tens of thousands of them per view (90-470 ms over 100,000 submissions).
-- Triggers keep the lists true on every change, whichever use case makes it.
CREATE TABLE submission_facet (
    facet TEXT NOT NULL CHECK (facet IN ('language', 'priority', 'objective', 'country', 'region', 'constituency')),
    value TEXT NOT NULL,
    submission_id TEXT NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    hidden INTEGER NOT NULL,
    submitted_at TEXT NULL,
    PRIMARY KEY (facet, value, submission_id)
) WITHOUT ROWID;
CREATE INDEX ix_submission_facet_listing ON submission_facet (facet, value, status, hidden, submitted_at, submission_id);
CREATE INDEX ix_submission_facet_submission ON submission_facet (submission_id);

-- Each region with itself and every region above it: triggers cannot walk the tree (SQLite allows no WITH in them),
-- and the M49 tree is fixed reference data (0004).
CREATE TABLE region_ancestor (
    region_code TEXT NOT NULL REFERENCES region (code),
    ancestor_code TEXT NOT NULL REFERENCES region (code),
    PRIMARY KEY (region_code, ancestor_code)
) WITHOUT ROWID;
WITH RECURSIVE up (region_code, ancestor_code) AS (
    SELECT code, code FROM region
    UNION
    SELECT up.region_code, r.parent_code FROM up JOIN region r ON r.code = up.ancestor_code WHERE r.parent_code IS NOT NULL)
INSERT INTO region_ancestor (region_code, ancestor_code) SELECT region_code, ancestor_code FROM up;

-- The submission's own values.
CREATE TRIGGER submission_facet_language AFTER INSERT ON submission BEGIN
    INSERT INTO submission_facet (facet, value, submission_id, status, hidden, submitted_at)
    VALUES ('language', new.language, new.id, new.status, new.hidden, new.submitted_at);
END;
CREATE TRIGGER submission_facet_listing AFTER UPDATE OF status, hidden, submitted_at, language ON submission BEGIN
    UPDATE submission_facet SET status = new.status, hidden = new.hidden, submitted_at = new.submitted_at WHERE submission_id = new.id;
    UPDATE submission_facet SET value = new.language WHERE facet = 'language' AND submission_id = new.id AND value <> new.language;
END;
CREATE TRIGGER submission_facet_priority_added AFTER INSERT ON submission_priority BEGIN
    INSERT OR IGNORE INTO submission_facet (facet, value, submission_id, status, hidden, submitted_at)
    SELECT 'priority', new.priority_code, s.id, s.status, s.hidden, s.submitted_at FROM submission s WHERE s.id = new.submission_id;
END;
CREATE TRIGGER submission_facet_priority_removed AFTER DELETE ON submission_priority BEGIN
    DELETE FROM submission_facet WHERE facet = 'priority' AND value = old.priority_code AND submission_id = old.submission_id;
END;
CREATE TRIGGER submission_facet_objective_added AFTER INSERT ON submission_objective BEGIN
    INSERT OR IGNORE INTO submission_facet (facet, value, submission_id, status, hidden, submitted_at)
    SELECT 'objective', CAST(new.objective_number AS TEXT), s.id, s.status, s.hidden, s.submitted_at FROM submission s WHERE s.id = new.submission_id;
END;
CREATE TRIGGER submission_facet_objective_removed AFTER DELETE ON submission_objective BEGIN
    DELETE FROM submission_facet WHERE facet = 'objective' AND value = CAST(old.objective_number AS TEXT) AND submission_id = old.submission_id;
END;

-- The signatories' places: worked out again, for one submission at a time, from all its signed signatures whenever a
-- signature or a signatory's country, region or constituencies change. Writing a submission id here runs the one
-- definition below (SQLite triggers cannot call each other); the row is gone again when the statement ends.
CREATE TABLE submission_places_stale (submission_id TEXT NOT NULL);
CREATE TRIGGER submission_facet_places AFTER INSERT ON submission_places_stale BEGIN
    DELETE FROM submission_facet WHERE submission_id = new.submission_id AND facet IN ('country', 'region', 'constituency');
    INSERT OR IGNORE INTO submission_facet (facet, value, submission_id, status, hidden, submitted_at)
    SELECT 'country', o.country_code, s.id, s.status, s.hidden, s.submitted_at
    FROM submission s
    JOIN submission_signatory ss ON ss.submission_id = s.id AND ss.status = 'signed'
    JOIN organisation o ON o.id = ss.organisation_id
    WHERE s.id = new.submission_id AND o.country_code IS NOT NULL;
    -- An organisation is in a region through its own region or, when it gave none, through its country's.
    INSERT OR IGNORE INTO submission_facet (facet, value, submission_id, status, hidden, submitted_at)
    SELECT 'region', a.ancestor_code, s.id, s.status, s.hidden, s.submitted_at
    FROM submission s
    JOIN submission_signatory ss ON ss.submission_id = s.id AND ss.status = 'signed'
    JOIN organisation o ON o.id = ss.organisation_id
    LEFT JOIN country oc ON oc.code = o.country_code
    JOIN region_ancestor a ON a.region_code = COALESCE(o.region_code, oc.region_code)
    WHERE s.id = new.submission_id;
    INSERT OR IGNORE INTO submission_facet (facet, value, submission_id, status, hidden, submitted_at)
    SELECT 'constituency', k.constituency, s.id, s.status, s.hidden, s.submitted_at
    FROM submission s
    JOIN submission_signatory ss ON ss.submission_id = s.id AND ss.status = 'signed'
    JOIN organisation_constituency k ON k.organisation_id = ss.organisation_id
    WHERE s.id = new.submission_id;
    DELETE FROM submission_places_stale WHERE submission_id = new.submission_id;
END;
CREATE TRIGGER submission_facet_signature_added AFTER INSERT ON submission_signatory WHEN new.status = 'signed' BEGIN
    INSERT INTO submission_places_stale (submission_id) VALUES (new.submission_id);
END;
CREATE TRIGGER submission_facet_signature_changed AFTER UPDATE OF status, submission_id, organisation_id ON submission_signatory BEGIN
    INSERT INTO submission_places_stale (submission_id) VALUES (old.submission_id);
    INSERT INTO submission_places_stale (submission_id) SELECT new.submission_id WHERE new.submission_id <> old.submission_id;
END;
CREATE TRIGGER submission_facet_signature_removed AFTER DELETE ON submission_signatory BEGIN
    INSERT INTO submission_places_stale (submission_id) VALUES (old.submission_id);
END;
CREATE TRIGGER submission_facet_organisation_moved AFTER UPDATE OF country_code, region_code ON organisation
WHEN old.country_code IS NOT new.country_code OR old.region_code IS NOT new.region_code BEGIN
    INSERT INTO submission_places_stale (submission_id)
    SELECT submission_id FROM submission_signatory WHERE organisation_id = new.id AND status = 'signed';
END;
CREATE TRIGGER submission_facet_constituency_added AFTER INSERT ON organisation_constituency BEGIN
    INSERT INTO submission_places_stale (submission_id)
    SELECT submission_id FROM submission_signatory WHERE organisation_id = new.organisation_id AND status = 'signed';
END;
CREATE TRIGGER submission_facet_constituency_removed AFTER DELETE ON organisation_constituency BEGIN
    INSERT INTO submission_places_stale (submission_id)
    SELECT submission_id FROM submission_signatory WHERE organisation_id = old.organisation_id AND status = 'signed';
END;

-- What is there already.
INSERT INTO submission_facet (facet, value, submission_id, status, hidden, submitted_at)
SELECT 'language', language, id, status, hidden, submitted_at FROM submission;
INSERT INTO submission_facet (facet, value, submission_id, status, hidden, submitted_at)
SELECT 'priority', p.priority_code, s.id, s.status, s.hidden, s.submitted_at FROM submission_priority p JOIN submission s ON s.id = p.submission_id;
INSERT INTO submission_facet (facet, value, submission_id, status, hidden, submitted_at)
SELECT 'objective', CAST(g.objective_number AS TEXT), s.id, s.status, s.hidden, s.submitted_at FROM submission_objective g JOIN submission s ON s.id = g.submission_id;
INSERT INTO submission_places_stale (submission_id) SELECT id FROM submission;
