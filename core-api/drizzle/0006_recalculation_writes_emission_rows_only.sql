-- A recalculation after a factor change rewrites only the emission rows (ADR 0005):
--  - an entry's total is the sum of its emission rows, read with them, not a cached copy on each entry;
--  - the factor values a set-based recalculation used go to `factor_inputs` (one per-factor value, overriding the
--    same keys of `inputs` when read) instead of rebuilding every row's `inputs`.
ALTER TABLE "entries" DROP CONSTRAINT "entries_total_kg";--> statement-breakpoint
ALTER TABLE "entry_emissions" ADD COLUMN "factor_inputs" jsonb;--> statement-breakpoint
ALTER TABLE "entries" DROP COLUMN "total_kg";