CREATE TABLE "bff"."publish_token" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"remote" varchar(63) NOT NULL,
	"label" varchar(100) NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"created_by" varchar(255) NOT NULL,
	"last_used_at" timestamp (3) with time zone,
	"revoked_at" timestamp (3) with time zone,
	CONSTRAINT "publish_token_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "bff"."remote" (
	"name" varchar(63) PRIMARY KEY NOT NULL,
	"active_version" varchar(64),
	"previous_version" varchar(64),
	"canary_version" varchar(64),
	"canary_percent" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_by" varchar(255)
);
--> statement-breakpoint
CREATE TABLE "bff"."remote_audit" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"actor" varchar(255) NOT NULL,
	"action" varchar(32) NOT NULL,
	"remote" varchar(63) NOT NULL,
	"version" varchar(64),
	"details" json
);
--> statement-breakpoint
CREATE TABLE "bff"."remote_version" (
	"remote" varchar(63) NOT NULL,
	"version" varchar(64) NOT NULL,
	"entry" varchar(512) NOT NULL,
	"source" varchar(16) NOT NULL,
	"checksum" varchar(80),
	"sdk_version" varchar(32),
	"contracts_version" varchar(32),
	"published_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"published_by" varchar(255),
	"health" varchar(16) DEFAULT 'unknown' NOT NULL,
	"health_message" varchar(500),
	"health_checked_at" timestamp (3) with time zone,
	CONSTRAINT "remote_version_remote_version_pk" PRIMARY KEY("remote","version")
);
--> statement-breakpoint
ALTER TABLE "bff"."publish_token" ADD CONSTRAINT "publish_token_remote_remote_name_fk" FOREIGN KEY ("remote") REFERENCES "bff"."remote"("name") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bff"."remote_version" ADD CONSTRAINT "remote_version_remote_remote_name_fk" FOREIGN KEY ("remote") REFERENCES "bff"."remote"("name") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "publish_token_remote_idx" ON "bff"."publish_token" USING btree ("remote");--> statement-breakpoint
CREATE INDEX "remote_audit_remote_at_idx" ON "bff"."remote_audit" USING btree ("remote","at");