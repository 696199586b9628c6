-- The region filter of search (Features/Submissions/SearchSubmissions.cs): every region, at every level, that a
-- submission's signed organisations are in (a Kenyan signatory puts it in Eastern Africa, Sub-Saharan Africa and
-- Africa). The filter then looks up one key per candidate instead of working regions out from all of a continent's
-- signatures on every page view. The triggers below keep it true whenever a signature or an organisation's country or
-- region changes, whichever use case makes the change. (The SQLite script says the same with its measurements.)

-- Each region with itself and every region above it (the M49 tree is fixed reference data, 0004).
CREATE TABLE region_ancestor (
    region_code TEXT NOT NULL REFERENCES region (code),
    ancestor_code TEXT NOT NULL REFERENCES region (code),
    PRIMARY KEY (region_code, ancestor_code)
);
WITH RECURSIVE up (region_code, ancestor_code) AS (
    SELECT code, code FROM region
    UNION
    SELECT up.region_code, r.parent_code FROM up JOIN region r ON r.code = up.ancestor_code WHERE r.parent_code IS NOT NULL)
INSERT INTO region_ancestor (region_code, ancestor_code) SELECT region_code, ancestor_code FROM up;

-- The regions of each signed signature. An organisation is in a region through its own region or, when it gave none,
-- through its country's.
CREATE VIEW signed_submission_region AS
SELECT a.ancestor_code AS region_code, ss.submission_id AS submission_id, ss.organisation_id AS organisation_id
FROM submission_signatory ss
JOIN organisation o ON o.id = ss.organisation_id
LEFT JOIN country oc ON oc.code = o.country_code
JOIN region_ancestor a ON a.region_code = COALESCE(o.region_code, oc.region_code)
WHERE ss.status = 'signed';

CREATE TABLE submission_region (
    region_code TEXT NOT NULL,
    submission_id uuid NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
    PRIMARY KEY (region_code, submission_id)
);
CREATE INDEX ix_submission_region_submission ON submission_region (submission_id);
INSERT INTO submission_region (region_code, submission_id)
SELECT DISTINCT region_code, submission_id FROM signed_submission_region;

-- Works the regions of these submissions out again from their signatures.
CREATE FUNCTION submission_region_refresh(submissions uuid[]) RETURNS void LANGUAGE sql AS $$
    DELETE FROM submission_region WHERE submission_id = ANY (submissions);
    INSERT INTO submission_region (region_code, submission_id)
    SELECT DISTINCT region_code, submission_id FROM signed_submission_region WHERE submission_id = ANY (submissions)
    ON CONFLICT DO NOTHING;
$$;

-- A new signature can only add regions; any other change to one (signed, declined, withdrawn, removed) may add or
-- take some away.
CREATE FUNCTION submission_region_after_signature() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO submission_region (region_code, submission_id)
        SELECT DISTINCT region_code, submission_id FROM signed_submission_region
        WHERE submission_id = NEW.submission_id AND organisation_id = NEW.organisation_id
        ON CONFLICT DO NOTHING;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM submission_region_refresh(ARRAY[OLD.submission_id]);
    ELSE
        PERFORM submission_region_refresh(ARRAY[OLD.submission_id, NEW.submission_id]);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER submission_region_signature AFTER INSERT OR DELETE OR UPDATE OF status, submission_id, organisation_id
    ON submission_signatory FOR EACH ROW EXECUTE FUNCTION submission_region_after_signature();

-- An organisation that moves takes every submission it signed with it.
CREATE FUNCTION submission_region_after_organisation_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM submission_region_refresh(ARRAY(
        SELECT submission_id FROM submission_signatory WHERE organisation_id = NEW.id AND status = 'signed'));
    RETURN NULL;
END
$$;
CREATE TRIGGER submission_region_organisation_moved AFTER UPDATE OF country_code, region_code ON organisation
    FOR EACH ROW WHEN (OLD.country_code IS DISTINCT FROM NEW.country_code OR OLD.region_code IS DISTINCT FROM NEW.region_code)
    EXECUTE FUNCTION submission_region_after_organisation_moved();
