-- A position submitted by an organisation (the lead) to a consultation, possibly co-signed by others.
-- The row holds the current text; every edit after submission adds a submission_version (1 = as first submitted).
CREATE TABLE submission (
    id uuid NOT NULL PRIMARY KEY,
    consultation_id uuid NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
    organisation_id uuid NOT NULL REFERENCES organisation (id),
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    body TEXT NOT NULL,
    body_html TEXT NOT NULL,
    language TEXT NOT NULL,
    -- 'organisation': attributed to the organisation only; 'named': also to the authors who agreed to be named.
    attribution TEXT NOT NULL DEFAULT 'organisation' CHECK (attribution IN ('organisation', 'named')),
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'withdrawn')),
    hidden boolean NOT NULL DEFAULT false,
    created_by uuid NULL REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    created_at timestamptz NOT NULL,
    submitted_at timestamptz NULL,
    updated_at timestamptz NOT NULL,
    current_version INTEGER NOT NULL DEFAULT 0,
    -- Sequence of live events in this submission's comment thread, so clients can see gaps (DESIGN.md, Real time).
    thread_sequence INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_submission_consultation ON submission (consultation_id, status, submitted_at);
CREATE INDEX ix_submission_organisation ON submission (organisation_id);
CREATE INDEX ix_submission_language ON submission (language);

CREATE TABLE submission_version (
    submission_id uuid NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    body TEXT NOT NULL,
    language TEXT NOT NULL,
    edited_by uuid NULL REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    edited_at timestamptz NOT NULL,
    PRIMARY KEY (submission_id, number)
);

CREATE TABLE submission_priority (
    submission_id uuid NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
    priority_code TEXT NOT NULL REFERENCES key_priority (code),
    PRIMARY KEY (submission_id, priority_code)
);
CREATE INDEX ix_submission_priority_code ON submission_priority (priority_code);

CREATE TABLE submission_objective (
    submission_id uuid NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
    objective_number INTEGER NOT NULL REFERENCES gcm_objective (number),
    PRIMARY KEY (submission_id, objective_number)
);
CREATE INDEX ix_submission_objective_number ON submission_objective (objective_number);

-- Named authors: shown only once the person agreed (agreed_at set).
CREATE TABLE submission_author (
    submission_id uuid NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    invited_at timestamptz NOT NULL,
    agreed_at timestamptz NULL,
    PRIMARY KEY (submission_id, user_id)
);

-- The lead organisation is a signatory with role 'lead'; others are invited to co-sign and accept or decline.
CREATE TABLE submission_signatory (
    submission_id uuid NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
    organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('lead', 'co-signer')),
    status TEXT NOT NULL CHECK (status IN ('invited', 'signed', 'declined')),
    invited_at timestamptz NOT NULL,
    responded_at timestamptz NULL,
    responded_by uuid NULL REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    PRIMARY KEY (submission_id, organisation_id)
);
CREATE INDEX ix_submission_signatory_organisation ON submission_signatory (organisation_id, status);

CREATE TABLE submission_endorsement (
    submission_id uuid NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
    organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    endorsed_by uuid NULL REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    endorsed_at timestamptz NOT NULL,
    PRIMARY KEY (submission_id, organisation_id)
);

-- Full-text search over the current text. 'simple' configuration: submissions come in many languages.
ALTER TABLE submission ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('simple', coalesce(summary, '')), 'B') ||
    setweight(to_tsvector('simple', coalesce(body, '')), 'C')) STORED;
CREATE INDEX ix_submission_search ON submission USING gin (search);
