-- Every change made by an organiser, moderator or admin. Append-only: the triggers below refuse updates and deletes.
-- actor_user_id has no foreign key on purpose: the entry outlives a deleted account, as an id that names no one.
CREATE TABLE audit_log (
    id TEXT NOT NULL PRIMARY KEY,
    at TEXT NOT NULL,
    actor_user_id TEXT NULL,
    action TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id TEXT NOT NULL,
    details TEXT NULL
);
CREATE INDEX ix_audit_log_object ON audit_log (object_type, object_id);
CREATE INDEX ix_audit_log_at ON audit_log (at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
