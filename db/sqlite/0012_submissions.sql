-- A position submitted by an organisation (the lead) to a consultation, possibly co-signed by others.
-- The row holds the current text; every edit after submission adds a submission_version (1 = as first submitted).
CREATE TABLE submission (
    id TEXT NOT NULL PRIMARY KEY,
    consultation_id TEXT NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisation (id),
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    body TEXT NOT NULL,
    body_html TEXT NOT NULL,
    language TEXT NOT NULL,
    -- 'organisation': attributed to the organisation only; 'named': also to the authors who agreed to be named.
    attribution TEXT NOT NULL DEFAULT 'organisation' CHECK (attribution IN ('organisation', 'named')),
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'withdrawn')),
    hidden INTEGER NOT NULL DEFAULT 0,
    created_by TEXT NULL REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    submitted_at TEXT NULL,
    updated_at TEXT NOT NULL,
    current_version INTEGER NOT NULL DEFAULT 0,
    -- Sequence of live events in this submission's comment thread, so clients can see gaps (DESIGN.md, Real time).
    thread_sequence INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_submission_consultation ON submission (consultation_id, status, submitted_at);
CREATE INDEX ix_submission_organisation ON submission (organisation_id);
CREATE INDEX ix_submission_language ON submission (language);

CREATE TABLE submission_version (
    submission_id TEXT NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    body TEXT NOT NULL,
    language TEXT NOT NULL,
    edited_by TEXT NULL REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    edited_at TEXT NOT NULL,
    PRIMARY KEY (submission_id, number)
);

CREATE TABLE submission_priority (
    submission_id TEXT NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
    priority_code TEXT NOT NULL REFERENCES key_priority (code),
    PRIMARY KEY (submission_id, priority_code)
);
CREATE INDEX ix_submission_priority_code ON submission_priority (priority_code);

CREATE TABLE submission_objective (
    submission_id TEXT NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
    objective_number INTEGER NOT NULL REFERENCES gcm_objective (number),
    PRIMARY KEY (submission_id, objective_number)
);
CREATE INDEX ix_submission_objective_number ON submission_objective (objective_number);

-- Named authors: shown only once the person agreed (agreed_at set).
CREATE TABLE submission_author (
    submission_id TEXT NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    invited_at TEXT NOT NULL,
    agreed_at TEXT NULL,
    PRIMARY KEY (submission_id, user_id)
);

-- The lead organisation is a signatory with role 'lead'; others are invited to co-sign and accept or decline.
CREATE TABLE submission_signatory (
    submission_id TEXT NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('lead', 'co-signer')),
    status TEXT NOT NULL CHECK (status IN ('invited', 'signed', 'declined')),
    invited_at TEXT NOT NULL,
    responded_at TEXT NULL,
    responded_by TEXT NULL REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    PRIMARY KEY (submission_id, organisation_id)
);
CREATE INDEX ix_submission_signatory_organisation ON submission_signatory (organisation_id, status);

CREATE TABLE submission_endorsement (
    submission_id TEXT NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    endorsed_by TEXT NULL REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    endorsed_at TEXT NOT NULL,
    PRIMARY KEY (submission_id, organisation_id)
);

-- Full-text search over the current text (FTS5), kept in step by triggers. FTS5 finds rows fast only by integer rowid,
-- and a table without an INTEGER PRIMARY KEY may renumber its rowids on VACUUM, so each submission gets a stable
-- search key of its own.
CREATE TABLE submission_search_key (
    key INTEGER PRIMARY KEY,
    submission_id TEXT NOT NULL UNIQUE
);
CREATE VIRTUAL TABLE submission_search USING fts5(title, summary, body, tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER submission_search_insert AFTER INSERT ON submission BEGIN
    INSERT INTO submission_search_key (submission_id) VALUES (new.id);
    INSERT INTO submission_search (rowid, title, summary, body) VALUES (last_insert_rowid(), new.title, new.summary, new.body);
END;
CREATE TRIGGER submission_search_update AFTER UPDATE OF title, summary, body ON submission BEGIN
    UPDATE submission_search SET title = new.title, summary = new.summary, body = new.body
    WHERE rowid = (SELECT key FROM submission_search_key WHERE submission_id = new.id);
END;
CREATE TRIGGER submission_search_delete AFTER DELETE ON submission BEGIN
    DELETE FROM submission_search WHERE rowid = (SELECT key FROM submission_search_key WHERE submission_id = old.id);
    DELETE FROM submission_search_key WHERE submission_id = old.id;
END;
