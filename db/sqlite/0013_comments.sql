-- Threaded comments on submissions. depth 0 is a top-level comment; replies go at least three levels deep.
CREATE TABLE comment (
    id TEXT NOT NULL PRIMARY KEY,
    submission_id TEXT NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
    parent_id TEXT NULL REFERENCES comment (id) ON DELETE CASCADE,
    depth INTEGER NOT NULL DEFAULT 0,
    author_user_id TEXT NULL REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    body TEXT NOT NULL,
    body_html TEXT NOT NULL,
    created_at TEXT NOT NULL,
    -- 'pending' waits for pre-moderation; 'hidden' was hidden by a moderator.
    state TEXT NOT NULL DEFAULT 'visible' CHECK (state IN ('visible', 'pending', 'hidden')),
    upvotes INTEGER NOT NULL DEFAULT 0,
    -- The thread_sequence value of the event that created or last changed it.
    sequence INTEGER NOT NULL
);
CREATE INDEX ix_comment_submission ON comment (submission_id, created_at);
CREATE INDEX ix_comment_submission_sequence ON comment (submission_id, sequence);
CREATE INDEX ix_comment_parent ON comment (parent_id);

CREATE TABLE comment_vote (
    comment_id TEXT NOT NULL REFERENCES comment (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    voted_at TEXT NOT NULL,
    PRIMARY KEY (comment_id, user_id)
);
