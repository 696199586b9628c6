-- The one-time link that makes the first platform admin, printed at start-up while nobody is admin.
-- Only the SHA-256 hash of the token is kept; using the link deletes its row.
CREATE TABLE admin_bootstrap_token (
    token_hash TEXT NOT NULL PRIMARY KEY,
    created_at TEXT NOT NULL
);
