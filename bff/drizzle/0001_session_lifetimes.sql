-- Sessions from before carry no creation/last-seen times (idle and absolute lifetimes cannot be enforced
-- on them) and the new columns are NOT NULL: those browsers sign in again.
DELETE FROM "bff"."session";--> statement-breakpoint
CREATE TABLE "bff"."logout_token" (
	"jti" varchar(255) PRIMARY KEY NOT NULL,
	"expire" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bff"."session" ALTER COLUMN "expire" SET DATA TYPE timestamp (6) with time zone;--> statement-breakpoint
ALTER TABLE "bff"."session" ADD COLUMN "created_at" timestamp (3) with time zone NOT NULL;--> statement-breakpoint
ALTER TABLE "bff"."session" ADD COLUMN "last_seen_at" timestamp (3) with time zone NOT NULL;--> statement-breakpoint
ALTER TABLE "bff"."session" ADD COLUMN "sub" varchar(255);--> statement-breakpoint
ALTER TABLE "bff"."session" ADD COLUMN "idp_sid" varchar(255);--> statement-breakpoint
ALTER TABLE "bff"."session" ADD COLUMN "user_agent" varchar(256);--> statement-breakpoint
ALTER TABLE "bff"."session" ADD COLUMN "ip" varchar(64);--> statement-breakpoint
CREATE INDEX "logout_token_expire_idx" ON "bff"."logout_token" USING btree ("expire");--> statement-breakpoint
CREATE INDEX "session_sub_idx" ON "bff"."session" USING btree ("sub");--> statement-breakpoint
CREATE INDEX "session_idp_sid_idx" ON "bff"."session" USING btree ("idp_sid");