-- Networks of organisations (regional coalitions, diaspora federations...). A verified organisation's
-- representative creates one and becomes its first organiser.
CREATE TABLE network (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    founding_organisation_id TEXT NULL REFERENCES organisation (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE network_organiser (
    network_id TEXT NOT NULL REFERENCES network (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    granted_at TEXT NOT NULL,
    PRIMARY KEY (network_id, user_id)
);
CREATE INDEX ix_network_organiser_user ON network_organiser (user_id);

-- An organisation asks to join; an organiser approves or declines.
CREATE TABLE network_membership (
    network_id TEXT NOT NULL REFERENCES network (id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('requested', 'member', 'declined')),
    requested_at TEXT NOT NULL,
    decided_at TEXT NULL,
    decided_by TEXT NULL REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    PRIMARY KEY (network_id, organisation_id)
);
CREATE INDEX ix_network_membership_organisation ON network_membership (organisation_id);
