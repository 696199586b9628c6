-- Search (Features/Submissions/SearchSubmissions.cs) lists submitted, visible submissions newest first: this index
-- answers the listing without a sort, and a consultation's list with the existing ix_submission_consultation.
CREATE INDEX ix_submission_listing ON submission (status, hidden, submitted_at, id);
-- An organisation's endorsements (its page, and removing an organisation) without a scan.
CREATE INDEX ix_submission_endorsement_organisation ON submission_endorsement (organisation_id);
-- A consultation's submissions in the same order, without a sort.
CREATE INDEX ix_submission_consultation_listing ON submission (consultation_id, status, hidden, submitted_at, id);
-- The region filter walks the M49 tree downwards, from a region to its children.
CREATE INDEX ix_region_parent ON region (parent_code);
