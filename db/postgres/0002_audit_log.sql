-- Every change made by an organiser, moderator or admin. Append-only: the triggers below refuse updates and deletes.
-- actor_user_id has no foreign key on purpose: the entry outlives a deleted account, as an id that names no one.
CREATE TABLE audit_log (
    id uuid NOT NULL PRIMARY KEY,
    at timestamptz NOT NULL,
    actor_user_id uuid NULL,
    action TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id uuid NOT NULL,
    details TEXT NULL
);
CREATE INDEX ix_audit_log_object ON audit_log (object_type, object_id);
CREATE INDEX ix_audit_log_at ON audit_log (at);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
