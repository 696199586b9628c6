-- A consultation gathers positions for a report (e.g. a Voluntary National Review to the IMRF). Created by a network's
-- organisers or by a verified organisation's representatives. Status: draft -> open -> closed -> synthesised.
CREATE TABLE consultation (
    id TEXT NOT NULL PRIMARY KEY,
    network_id TEXT NULL REFERENCES network (id) ON DELETE SET NULL,
    organisation_id TEXT NULL REFERENCES organisation (id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    -- Sanitised HTML rendered from the Markdown when it is saved, so pages never render user Markdown per request.
    description_html TEXT NOT NULL DEFAULT '',
    scope TEXT NOT NULL CHECK (scope IN ('country', 'region', 'global')),
    country_code TEXT NULL REFERENCES country (code),
    region_code TEXT NULL REFERENCES region (code),
    feeds_report TEXT NOT NULL DEFAULT '',
    opens_at TEXT NOT NULL,
    closes_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed', 'synthesised')),
    -- With pre-moderation, new comments wait for a moderator before anyone else sees them.
    pre_moderation INTEGER NOT NULL DEFAULT 0,
    created_by TEXT NULL REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK (network_id IS NOT NULL OR organisation_id IS NOT NULL),
    CHECK (closes_at > opens_at),
    CHECK ((scope = 'country' AND country_code IS NOT NULL) OR (scope = 'region' AND region_code IS NOT NULL) OR scope = 'global')
);
CREATE INDEX ix_consultation_status ON consultation (status, closes_at);
CREATE INDEX ix_consultation_network ON consultation (network_id);
