-- A bulk form sent twice (a retry, a second click that got through) starts one job: the form carries a key per
-- page and request, and a user's second job with the same key is the first.
ALTER TABLE bulk_jobs ADD COLUMN request_key TEXT;
CREATE UNIQUE INDEX bulk_jobs_request_key_idx ON bulk_jobs (requested_by_id, request_key) WHERE request_key IS NOT NULL;
