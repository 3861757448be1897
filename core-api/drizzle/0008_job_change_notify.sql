-- Live job events: every change of a job's state, progress or end is announced on the channel `job_changed`
-- (payload: the job id), so the event streams of every replica wake on it instead of polling each job row.
-- The heartbeat (lease columns only) announces nothing.
CREATE FUNCTION notify_job_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('job_changed', NEW.id::text);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER data_ingestion_jobs_notify_changed
  AFTER UPDATE OF state, progress, finished_at ON data_ingestion_jobs
  FOR EACH ROW WHEN ((OLD.state, OLD.progress, OLD.finished_at) IS DISTINCT FROM (NEW.state, NEW.progress, NEW.finished_at))
  EXECUTE FUNCTION notify_job_changed();
