-- Bulk jobs move to their own module, which works on any module's subjects (orders now, imported rows next): a job
-- names the kind of subject its handler works on, its action is that handler's word, and an item names its
-- subject by id. An item's result is kept as a message key with its arguments (JSONB), so each reader sees it in
-- their own language; results written before are kept as the text they were.
ALTER TABLE bulk_jobs ADD COLUMN subject TEXT NOT NULL DEFAULT 'order';
ALTER TABLE bulk_jobs ALTER COLUMN subject DROP DEFAULT;
ALTER TABLE bulk_jobs DROP CONSTRAINT bulk_jobs_action_check;

ALTER TABLE bulk_job_items RENAME COLUMN order_id TO subject_id;
ALTER TABLE bulk_job_items ADD COLUMN result JSONB;
UPDATE bulk_job_items SET result = jsonb_build_object('text', message) WHERE message IS NOT NULL;
ALTER TABLE bulk_job_items DROP COLUMN message;
