-- IF NOT EXISTS: migrate() creates schema bff first for its bff.__migrations table.
CREATE SCHEMA IF NOT EXISTS "bff";
--> statement-breakpoint
CREATE TABLE "bff"."session" (
	"sid" varchar PRIMARY KEY NOT NULL,
	"sess" json NOT NULL,
	"expire" timestamp (6) NOT NULL
);
--> statement-breakpoint
CREATE INDEX "session_expire_idx" ON "bff"."session" USING btree ("expire");