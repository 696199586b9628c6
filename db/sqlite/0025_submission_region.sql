-- The region filter of search (Features/Submissions/SearchSubmissions.cs): every region, at every level, that a
-- submission's signed organisations are in (a Kenyan signatory puts it in Eastern Africa, Sub-Saharan Africa and
-- Africa). The filter then looks up one key per candidate, where working regions out at search time walked all of a
-- continent's signatures (tens of thousands) on every page view: 90-150 ms for a continent over 100,000 submissions,
-- against 2-10 ms for any region now. The triggers below keep it true whenever a signature or an organisation's
-- country or region changes, whichever use case makes the change.

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

-- The regions of each signed signature. An organisation is in a region through its own region or, when it gave none,
-- through its country's. No DISTINCT: the planner can then push a caller's WHERE into the view.
CREATE VIEW signed_submission_region AS
SELECT a.ancestor_code AS region_code, ss.submission_id AS submission_id, ss.organisation_id AS organisation_id
FROM submission_signatory ss
JOIN organisation o ON o.id = ss.organisation_id
LEFT JOIN country oc ON oc.code = o.country_code
JOIN region_ancestor a ON a.region_code = COALESCE(o.region_code, oc.region_code)
WHERE ss.status = 'signed';

CREATE TABLE submission_region (
    region_code TEXT NOT NULL,
    submission_id TEXT NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
    PRIMARY KEY (region_code, submission_id)
) WITHOUT ROWID;
CREATE INDEX ix_submission_region_submission ON submission_region (submission_id);
INSERT OR IGNORE INTO submission_region (region_code, submission_id) SELECT region_code, submission_id FROM signed_submission_region;

-- A new signature can only add regions.
CREATE TRIGGER submission_region_signed AFTER INSERT ON submission_signatory WHEN new.status = 'signed' BEGIN
    INSERT OR IGNORE INTO submission_region (region_code, submission_id)
    SELECT region_code, submission_id FROM signed_submission_region
    WHERE submission_id = new.submission_id AND organisation_id = new.organisation_id;
END;
-- Any other change to a signature (signed, declined, withdrawn, removed) may add or take away regions: the
-- submission's regions are worked out again from its signatures.
CREATE TRIGGER submission_region_signature_changed AFTER UPDATE OF status, submission_id, organisation_id ON submission_signatory BEGIN
    DELETE FROM submission_region WHERE submission_id IN (old.submission_id, new.submission_id);
    INSERT OR IGNORE INTO submission_region (region_code, submission_id)
    SELECT region_code, submission_id FROM signed_submission_region WHERE submission_id IN (old.submission_id, new.submission_id);
END;
CREATE TRIGGER submission_region_signature_removed AFTER DELETE ON submission_signatory BEGIN
    DELETE FROM submission_region WHERE submission_id = old.submission_id;
    INSERT OR IGNORE INTO submission_region (region_code, submission_id)
    SELECT region_code, submission_id FROM signed_submission_region WHERE submission_id = old.submission_id;
END;
-- An organisation that moves takes every submission it signed with it.
CREATE TRIGGER submission_region_organisation_moved AFTER UPDATE OF country_code, region_code ON organisation
WHEN old.country_code IS NOT new.country_code OR old.region_code IS NOT new.region_code BEGIN
    DELETE FROM submission_region
    WHERE submission_id IN (SELECT submission_id FROM submission_signatory WHERE organisation_id = new.id AND status = 'signed');
    INSERT OR IGNORE INTO submission_region (region_code, submission_id)
    SELECT region_code, submission_id FROM signed_submission_region
    WHERE submission_id IN (SELECT submission_id FROM submission_signatory WHERE organisation_id = new.id AND status = 'signed');
END;
