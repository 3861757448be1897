ALTER TABLE "entries" DROP CONSTRAINT "entries_source_known";--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_source_known" CHECK ("entries"."source" in ('manual', 'csv_unit', 'csv_year', 'api', 'external_integration', 'derived', 'copied'));
