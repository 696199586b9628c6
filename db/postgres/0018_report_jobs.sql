-- Background generation of large synthesis-report downloads: one row per (consultation, format) request, with progress
-- so the page can show a bar. The file itself lives under <DataDirectory>/reports/<id>.<format>.
CREATE TABLE report_job (
    id uuid NOT NULL PRIMARY KEY,
    consultation_id uuid NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
    format TEXT NOT NULL CHECK (format IN ('csv', 'md', 'json')),
    status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
    done INTEGER NOT NULL DEFAULT 0,
    total INTEGER NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL,
    finished_at timestamptz NULL
);
CREATE INDEX ix_report_job_consultation ON report_job (consultation_id, format, created_at);
