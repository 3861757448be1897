-- Cheaper bulk writes of entries (imports write a million at a time):
--  - the derived-from index holds only derived entries, not a NULL for every imported or manual row (the cascade
--    from a deleted source entry looks up `derived_from_id = $1`, which the partial index serves);
--  - entries go back to full pages: since migration 0006 a recalculation no longer rewrites them (their total is
--    not cached), so the room fillfactor 50 kept for in-page updates is only cost. Emission rows keep 50.
DROP INDEX "entries_derived_from_idx";--> statement-breakpoint
CREATE INDEX "entries_derived_from_idx" ON "entries" USING btree ("derived_from_id") WHERE "entries"."derived_from_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "entries" RESET (fillfactor);
