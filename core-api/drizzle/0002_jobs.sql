CREATE TABLE "data_ingestion_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pipeline_id" uuid,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"dedupe_key" text,
	"lock_key" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 3 NOT NULL,
	"run_after" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_owner" text,
	"lease_token" uuid,
	"lease_expires_at" timestamp with time zone,
	"progress" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"result" jsonb,
	"error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "data_ingestion_jobs_attempts" CHECK ("data_ingestion_jobs"."attempts" >= 0 and "data_ingestion_jobs"."max_attempts" >= 1)
);
--> statement-breakpoint
ALTER TABLE "data_ingestion_jobs" ADD CONSTRAINT "data_ingestion_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_ingestion_jobs_due_idx" ON "data_ingestion_jobs" USING btree ("run_after") WHERE "data_ingestion_jobs"."state" = 'queued';--> statement-breakpoint
CREATE INDEX "data_ingestion_jobs_lease_idx" ON "data_ingestion_jobs" USING btree ("lease_expires_at") WHERE "data_ingestion_jobs"."state" = 'running';--> statement-breakpoint
CREATE INDEX "data_ingestion_jobs_pipeline_idx" ON "data_ingestion_jobs" USING btree ("pipeline_id");--> statement-breakpoint
CREATE UNIQUE INDEX "data_ingestion_jobs_queued_dedupe_idx" ON "data_ingestion_jobs" USING btree ("dedupe_key") WHERE "data_ingestion_jobs"."state" = 'queued';