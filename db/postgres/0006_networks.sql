-- Networks of organisations (regional coalitions, diaspora federations...). A verified organisation's
-- representative creates one and becomes its first organiser.
CREATE TABLE network (
    id uuid NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    founding_organisation_id uuid NULL REFERENCES organisation (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE network_organiser (
    network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    granted_at timestamptz NOT NULL,
    PRIMARY KEY (network_id, user_id)
);
CREATE INDEX ix_network_organiser_user ON network_organiser (user_id);

-- An organisation asks to join; an organiser approves or declines.
CREATE TABLE network_membership (
    network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
    organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('requested', 'member', 'declined')),
    requested_at timestamptz NOT NULL,
    decided_at timestamptz NULL,
    decided_by uuid NULL REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    PRIMARY KEY (network_id, organisation_id)
);
CREATE INDEX ix_network_membership_organisation ON network_membership (organisation_id);
