-- Recalculation after a factor change rewrites every emission row of the factor and its entry's total: with
-- free room on each page, the new row versions stay on the same page (HOT: no index entry is written), which
-- halves the work of such a pass. Existing pages keep their fill until rewritten (VACUUM FULL / pg_repack).
ALTER TABLE "entries" SET (fillfactor = 60);--> statement-breakpoint
ALTER TABLE "entry_emissions" SET (fillfactor = 60);
