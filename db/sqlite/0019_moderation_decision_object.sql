-- A hidden comment is shown with the reason of the latest decision to hide it (CommentThreads.ViewColumns).
CREATE INDEX ix_moderation_decision_object ON moderation_decision (object_type, object_id, at);
