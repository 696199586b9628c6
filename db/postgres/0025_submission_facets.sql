-- Search filters (Features/Submissions/SearchSubmissions.cs) as lists kept in listing order: for each filter value
-- (a language, a key priority, a GCM objective, and the countries, regions at every level and constituencies of a
-- submission's signed organisations), the submissions that have it, with the columns the listing sorts and narrows by.
-- A search walks the shortest list given, newest first, and looks each candidate up in the others by key. Triggers
-- keep the lists true on every change, whichever use case makes it. (The SQLite script has the measurements.)
CREATE TABLE submission_facet (
    facet TEXT NOT NULL CHECK (facet IN ('language', 'priority', 'objective', 'country', 'region', 'constituency')),
    value TEXT NOT NULL,
    submission_id uuid NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    hidden boolean NOT NULL,
    submitted_at timestamptz NULL,
    PRIMARY KEY (facet, value, submission_id)
);
CREATE INDEX ix_submission_facet_listing ON submission_facet (facet, value, status, hidden, submitted_at, submission_id);
CREATE INDEX ix_submission_facet_submission ON submission_facet (submission_id);

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

-- The submission's own values.
CREATE FUNCTION submission_facet_after_submission() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO submission_facet (facet, value, submission_id, status, hidden, submitted_at)
        VALUES ('language', NEW.language, NEW.id, NEW.status, NEW.hidden, NEW.submitted_at);
    ELSE
        UPDATE submission_facet SET status = NEW.status, hidden = NEW.hidden, submitted_at = NEW.submitted_at
        WHERE submission_id = NEW.id;
        UPDATE submission_facet SET value = NEW.language WHERE facet = 'language' AND submission_id = NEW.id AND value <> NEW.language;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER submission_facet_submission AFTER INSERT OR UPDATE OF status, hidden, submitted_at, language ON submission
    FOR EACH ROW EXECUTE FUNCTION submission_facet_after_submission();

-- Tags: TG_ARGV[0] names the facet, TG_ARGV[1] the column that holds its value.
CREATE FUNCTION submission_facet_after_tag() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    tag_value TEXT := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END ->> TG_ARGV[1];
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO submission_facet (facet, value, submission_id, status, hidden, submitted_at)
        SELECT TG_ARGV[0], tag_value, s.id, s.status, s.hidden, s.submitted_at FROM submission s WHERE s.id = NEW.submission_id
        ON CONFLICT DO NOTHING;
    ELSE
        DELETE FROM submission_facet WHERE facet = TG_ARGV[0] AND value = tag_value AND submission_id = OLD.submission_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER submission_facet_priority AFTER INSERT OR DELETE ON submission_priority
    FOR EACH ROW EXECUTE FUNCTION submission_facet_after_tag('priority', 'priority_code');
CREATE TRIGGER submission_facet_objective AFTER INSERT OR DELETE ON submission_objective
    FOR EACH ROW EXECUTE FUNCTION submission_facet_after_tag('objective', 'objective_number');

-- The signatories' places: worked out again from all signed signatures of the submissions concerned whenever a
-- signature or a signatory's country, region or constituencies change. PL/pgSQL, not SQL, so that its plans are
-- kept between calls.
CREATE FUNCTION submission_facet_places(submissions uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM submission_facet WHERE submission_id = ANY (submissions) AND facet IN ('country', 'region', 'constituency');
    -- An organisation is in a region through its own region or, when it gave none, through its country's.
    INSERT INTO submission_facet (facet, value, submission_id, status, hidden, submitted_at)
    SELECT DISTINCT place.facet, place.value, s.id, s.status, s.hidden, s.submitted_at
    FROM submission s
    JOIN submission_signatory ss ON ss.submission_id = s.id AND ss.status = 'signed'
    JOIN organisation o ON o.id = ss.organisation_id
    LEFT JOIN country oc ON oc.code = o.country_code
    CROSS JOIN LATERAL (
        SELECT 'country', o.country_code WHERE o.country_code IS NOT NULL
        UNION ALL
        SELECT 'region', a.ancestor_code FROM region_ancestor a WHERE a.region_code = COALESCE(o.region_code, oc.region_code)
        UNION ALL
        SELECT 'constituency', k.constituency FROM organisation_constituency k WHERE k.organisation_id = o.id
    ) AS place (facet, value)
    WHERE s.id = ANY (submissions)
    ON CONFLICT DO NOTHING;
END
$$;
-- Once per statement, for all the submissions it touched: loading many signatures at once (the demo seeder, an
-- import) then costs one pass, not one per row.
CREATE FUNCTION submission_facet_after_signatures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM submission_facet_places(ARRAY(SELECT DISTINCT submission_id FROM added WHERE status = 'signed'));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM submission_facet_places(ARRAY(SELECT DISTINCT submission_id FROM removed));
    ELSE
        PERFORM submission_facet_places(ARRAY(SELECT submission_id FROM removed UNION SELECT submission_id FROM added));
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER submission_facet_signatures_added AFTER INSERT ON submission_signatory
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION submission_facet_after_signatures();
CREATE TRIGGER submission_facet_signatures_changed AFTER UPDATE ON submission_signatory
    REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION submission_facet_after_signatures();
CREATE TRIGGER submission_facet_signatures_removed AFTER DELETE ON submission_signatory
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION submission_facet_after_signatures();
-- An organisation that moves or changes constituencies changes the places of every submission it signed.
CREATE FUNCTION submission_facet_after_organisation() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    organisation uuid;
BEGIN
    -- One assignment per case: PL/pgSQL resolves a row's fields only in the statement that runs.
    IF TG_TABLE_NAME = 'organisation' THEN
        organisation := NEW.id;
    ELSIF TG_OP = 'DELETE' THEN
        organisation := OLD.organisation_id;
    ELSE
        organisation := NEW.organisation_id;
    END IF;
    PERFORM submission_facet_places(ARRAY(
        SELECT submission_id FROM submission_signatory WHERE organisation_id = organisation AND status = 'signed'));
    RETURN NULL;
END
$$;
CREATE TRIGGER submission_facet_organisation_moved AFTER UPDATE OF country_code, region_code ON organisation
    FOR EACH ROW WHEN (OLD.country_code IS DISTINCT FROM NEW.country_code OR OLD.region_code IS DISTINCT FROM NEW.region_code)
    EXECUTE FUNCTION submission_facet_after_organisation();
CREATE TRIGGER submission_facet_constituency AFTER INSERT OR DELETE ON organisation_constituency
    FOR EACH ROW EXECUTE FUNCTION submission_facet_after_organisation();

-- What is there already.
INSERT INTO submission_facet (facet, value, submission_id, status, hidden, submitted_at)
SELECT 'language', language, id, status, hidden, submitted_at FROM submission;
INSERT INTO submission_facet (facet, value, submission_id, status, hidden, submitted_at)
SELECT 'priority', p.priority_code, s.id, s.status, s.hidden, s.submitted_at FROM submission_priority p JOIN submission s ON s.id = p.submission_id;
INSERT INTO submission_facet (facet, value, submission_id, status, hidden, submitted_at)
SELECT 'objective', g.objective_number::text, s.id, s.status, s.hidden, s.submitted_at FROM submission_objective g JOIN submission s ON s.id = g.submission_id;
SELECT submission_facet_places(ARRAY(SELECT id FROM submission));
