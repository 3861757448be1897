-- Recalculation after a factor change rewrites every emission row of the factor and its entry's total: with
-- half of each page free, the new version of every row fits beside the old one (HOT: no index entry written,
-- old versions pruned by the next pass), which more than halves the work of such a pass. Tables that are
-- rewritten wholesale settle near this fill anyway. Existing pages keep their fill until rewritten.
ALTER TABLE "entries" SET (fillfactor = 50);--> statement-breakpoint
ALTER TABLE "entry_emissions" SET (fillfactor = 50);
