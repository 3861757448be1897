ALTER TABLE "factors" ADD COLUMN "relative_uncertainty" double precision;--> statement-breakpoint
ALTER TABLE "factors" ADD CONSTRAINT "factors_relative_uncertainty_range" CHECK ("factors"."relative_uncertainty" IS NULL OR ("factors"."relative_uncertainty" >= 0 AND "factors"."relative_uncertainty" <= 10));
