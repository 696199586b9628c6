-- Moderation of submissions and comments: people flag, moderators decide, authors appeal once per decision.
-- consultation_id is copied onto flags and decisions so the queue and the public log read one table, not two joins deep.
CREATE TABLE moderation_flag (
    id TEXT NOT NULL PRIMARY KEY,
    consultation_id TEXT NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
    object_type TEXT NOT NULL CHECK (object_type IN ('submission', 'comment')),
    object_id TEXT NOT NULL,
    -- No foreign key on purpose: a flag outlives its reporter's account, as an id that names no one.
    reporter_user_id TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('spam', 'abuse', 'personal-data', 'off-topic', 'other')),
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'actioned', 'dismissed')),
    resolved_by TEXT NULL,
    resolved_at TEXT NULL
);
-- One open flag per person per object; after a decision the same person may flag again.
CREATE UNIQUE INDEX ux_moderation_flag_open ON moderation_flag (object_type, object_id, reporter_user_id) WHERE status = 'open';
CREATE INDEX ix_moderation_flag_queue ON moderation_flag (consultation_id, status);

CREATE TABLE moderation_decision (
    id TEXT NOT NULL PRIMARY KEY,
    consultation_id TEXT NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
    object_type TEXT NOT NULL CHECK (object_type IN ('submission', 'comment')),
    object_id TEXT NOT NULL,
    -- The author when the decision was made, so they can find it and appeal even if the content is later removed.
    author_user_id TEXT NULL REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    action TEXT NOT NULL CHECK (action IN ('hide', 'restore', 'dismiss', 'approve')),
    reason_code TEXT NULL CHECK (reason_code IN ('spam', 'abuse', 'personal-data', 'off-topic', 'other')),
    note TEXT NOT NULL DEFAULT '',
    moderator_user_id TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX ix_moderation_decision_consultation ON moderation_decision (consultation_id, action);
CREATE INDEX ix_moderation_decision_author ON moderation_decision (author_user_id, at);

-- An author appeals a decision once; an organiser other than the one who decided rules on it.
CREATE TABLE moderation_appeal (
    id TEXT NOT NULL PRIMARY KEY,
    decision_id TEXT NOT NULL UNIQUE REFERENCES moderation_decision (id) ON DELETE CASCADE,
    appellant_user_id TEXT NOT NULL,
    statement TEXT NOT NULL,
    created_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'upheld', 'overturned')),
    decided_by TEXT NULL,
    decided_at TEXT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ix_moderation_appeal_status ON moderation_appeal (status);
