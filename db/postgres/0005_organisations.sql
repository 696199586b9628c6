-- Organisations register themselves: no accreditation, no objection procedure. Status moves
-- pending -> verified -> suspended (and back to verified when a suspension is lifted).
CREATE TABLE organisation (
    id uuid NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    country_code TEXT NULL REFERENCES country (code),
    region_code TEXT NULL REFERENCES region (code),
    description TEXT NOT NULL DEFAULT '',
    website TEXT NULL,
    -- Private: shown only to the organisation's members, network organisers and admins.
    contact_email TEXT NULL,
    contact_phone TEXT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'verified', 'suspended')),
    suspension_reason TEXT NULL,
    verified_at timestamptz NULL,
    created_at timestamptz NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_organisation_country ON organisation (country_code);
CREATE INDEX ix_organisation_region ON organisation (region_code);
CREATE INDEX ix_organisation_status ON organisation (status);

CREATE TABLE organisation_constituency (
    organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    constituency TEXT NOT NULL CHECK (constituency IN (
        'migrant-led', 'refugee-led', 'diaspora', 'trade-union', 'womens-rights', 'youth', 'children', 'indigenous',
        'lgbtqi', 'faith-based', 'human-rights', 'humanitarian', 'grassroots', 'academic', 'network')),
    PRIMARY KEY (organisation_id, constituency)
);
CREATE INDEX ix_organisation_constituency ON organisation_constituency (constituency);

-- An organisation always keeps at least one representative (enforced by the use cases that remove or demote).
CREATE TABLE organisation_member (
    organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('representative', 'member')),
    joined_at timestamptz NOT NULL,
    PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX ix_organisation_member_user ON organisation_member (user_id);

-- Only a hash of the emailed token is stored, so a leaked database cannot be used to accept invitations.
CREATE TABLE organisation_invitation (
    id uuid NOT NULL PRIMARY KEY,
    organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('representative', 'member')),
    token_hash TEXT NOT NULL UNIQUE,
    invited_by uuid NULL REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    accepted_at timestamptz NULL
);
CREATE INDEX ix_organisation_invitation_organisation ON organisation_invitation (organisation_id);

-- Two vouches from verified organisations verify an organisation.
CREATE TABLE organisation_vouch (
    organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    voucher_organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    vouched_by uuid NULL REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    at timestamptz NOT NULL,
    PRIMARY KEY (organisation_id, voucher_organisation_id),
    CHECK (organisation_id <> voucher_organisation_id)
);
