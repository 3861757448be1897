import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { entries, entryEmissions, factors } from '../db/schema/index.js';
import type { EntryListFilter, EntryPage, EntryWrite, ReportModuleKey, StoredEntry } from '../domain/entries/entry.js';
import { appendAudit } from './audit.repository.js';
import { emissionValues, resultColumns, toStoredEntry } from './entry.mapping.js';
import type { Executor, Tx } from './executor.js';
import { findReportModuleId, lockReportModule, refreshModuleTotals } from './report-module.fragments.js';

/** An entry's total is the sum of its emission rows (one index range per entry, `entry_emissions_entry_idx`). */
// (Raw SQL: drizzle leaves columns unqualified in one-table queries, and `id` would then be the emission row's.)
const ENTRY_TOTAL = sql<number>`(SELECT coalesce(sum(x.kg_co2eq), 0) FROM entry_emissions x WHERE x.entry_id = "entries"."id")`;
const SORT = { createdAt: entries.createdAt, totalKgCo2eq: ENTRY_TOTAL } as const;

/** Entries with their emission rows (one query for the rows of all listed entries). */
export async function withEmissions(db: Executor, rows: (typeof entries.$inferSelect)[]): Promise<StoredEntry[]> {
  if (rows.length === 0) return [];
  const emissions = await db.select().from(entryEmissions).where(inArray(entryEmissions.entryId, rows.map((r) => r.id))).orderBy(asc(entryEmissions.id));
  const factorIds = [...new Set(emissions.map((e) => e.factorId).filter((id): id is string => id !== null))];
  const factorRows = factorIds.length
    ? await db.select({ id: factors.id, submodule: factors.submodule, emissionType: factors.emissionType, classification: factors.classification, values: factors.values, unit: factors.unit, source: factors.source }).from(factors).where(inArray(factors.id, factorIds))
    : [];
  const factorsById = new Map(factorRows.map((f) => [f.id, f]));
  return rows.map((r) => toStoredEntry(r, emissions.filter((e) => e.entryId === r.id), factorsById));
}

async function loadOne(db: Executor, reportModuleId: string, submodule: string, id: string): Promise<StoredEntry | undefined> {
  const rows = await db.select().from(entries).where(and(eq(entries.id, id), eq(entries.reportModuleId, reportModuleId), eq(entries.submodule, submodule)));
  return (await withEmissions(db, rows))[0];
}

/** Replaces the entries derived from `sourceId` (same report module, source `derived`, same author). */
async function replaceDerived(tx: Tx, reportModuleId: string, sourceId: string, w: EntryWrite): Promise<void> {
  if (!w.derived) return;
  await tx.delete(entries).where(eq(entries.derivedFromId, sourceId));
  for (const d of w.derived) {
    const [row] = await tx
      .insert(entries)
      .values({ reportModuleId, submodule: d.submodule, data: d.data, note: null, source: 'derived', authorId: w.actor.id, derivedFromId: sourceId, ...resultColumns(d.result) })
      .returning({ id: entries.id });
    if (row && d.result.emissions.length > 0) await tx.insert(entryEmissions).values(emissionValues(row.id, d.result));
  }
}

const snapshot = (e: Pick<StoredEntry, 'data' | 'note' | 'status' | 'totalKgCo2eq'>) => ({ data: e.data, note: e.note, status: e.status, totalKgCo2eq: e.totalKgCo2eq });

/** Inserts an entry, its emissions and derived entries, and appends its audit record. */
async function insertEntry(tx: Tx, reportModuleId: string, where: ReportModuleKey, w: EntryWrite): Promise<StoredEntry> {
  const [row] = await tx
    .insert(entries)
    .values({ ...(w.id ? { id: w.id } : {}), reportModuleId, submodule: w.submodule, data: w.data, note: w.note, source: w.source, authorId: w.actor.id, ...resultColumns(w.result) })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  if (w.result.emissions.length > 0) await tx.insert(entryEmissions).values(emissionValues(row.id, w.result));
  await replaceDerived(tx, reportModuleId, row.id, w);
  const created = (await loadOne(tx, reportModuleId, w.submodule, row.id)) as StoredEntry;
  await appendAudit(tx, { actor: w.actor, action: 'entry.create', entityType: 'entry', entityId: row.id, unitCode: w.unitCode, year: where.year, after: snapshot(created) });
  return created;
}

export function createEntryRepository(db: Database) {
  /** Runs a write on a locked report module, then refreshes its totals, in one transaction. */
  const onModule = <T>(where: ReportModuleKey, work: (tx: Tx, reportModuleId: string) => Promise<T>) =>
    db.transaction(async (tx) => {
      const reportModuleId = await lockReportModule(tx, where);
      const out = await work(tx, reportModuleId);
      await refreshModuleTotals(tx, reportModuleId);
      return out;
    });

  return {
    async list(where: ReportModuleKey, f: EntryListFilter): Promise<EntryPage> {
      const reportModuleId = await findReportModuleId(db, where);
      if (!reportModuleId) return { items: [], total: 0, page: f.page, pageSize: f.pageSize, sumKgCo2eq: 0 };
      const conditions: SQL[] = [eq(entries.reportModuleId, reportModuleId), eq(entries.submodule, f.submodule)];
      if (f.authorId) conditions.push(eq(entries.authorId, f.authorId));
      if (f.status) conditions.push(eq(entries.status, f.status));
      const order = f.order === 'desc' ? desc : asc;
      const [rows, [total]] = await Promise.all([
        db.select().from(entries).where(and(...conditions)).orderBy(order(SORT[f.sort]), order(entries.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
        db.select({ n: count(), kg: sql<string>`coalesce(sum(${ENTRY_TOTAL}), 0)` }).from(entries).where(and(...conditions)),
      ]);
      return { items: await withEmissions(db, rows), total: total?.n ?? 0, page: f.page, pageSize: f.pageSize, sumKgCo2eq: Number(total?.kg ?? 0) };
    },

    async listAll(where: ReportModuleKey, submodule: string): Promise<StoredEntry[]> {
      const reportModuleId = await findReportModuleId(db, where);
      if (!reportModuleId) return [];
      const rows = await db.select().from(entries).where(and(eq(entries.reportModuleId, reportModuleId), eq(entries.submodule, submodule))).orderBy(asc(entries.createdAt), asc(entries.id));
      return withEmissions(db, rows);
    },

    async get(where: ReportModuleKey, submodule: string, id: string): Promise<StoredEntry | undefined> {
      const reportModuleId = await findReportModuleId(db, where);
      return reportModuleId ? loadOne(db, reportModuleId, submodule, id) : undefined;
    },

    async create(where: ReportModuleKey, w: EntryWrite): Promise<StoredEntry> {
      return onModule(where, (tx, reportModuleId) => insertEntry(tx, reportModuleId, where, w));
    },

    /** Several entries of one module in one transaction (a round trip's outbound and return). */
    async createMany(where: ReportModuleKey, writes: readonly EntryWrite[]): Promise<StoredEntry[]> {
      return onModule(where, async (tx, reportModuleId) => {
        const created: StoredEntry[] = [];
        for (const w of writes) created.push(await insertEntry(tx, reportModuleId, where, w));
        return created;
      });
    },

    async update(where: ReportModuleKey, id: string, w: EntryWrite): Promise<StoredEntry> {
      return onModule(where, async (tx, reportModuleId) => {
        const before = await loadOne(tx, reportModuleId, w.submodule, id);
        await tx.update(entries).set({ data: w.data, note: w.note, ...resultColumns(w.result), updatedAt: sql`now()` }).where(eq(entries.id, id));
        await tx.delete(entryEmissions).where(eq(entryEmissions.entryId, id));
        if (w.result.emissions.length > 0) await tx.insert(entryEmissions).values(emissionValues(id, w.result));
        await replaceDerived(tx, reportModuleId, id, w);
        const after = (await loadOne(tx, reportModuleId, w.submodule, id)) as StoredEntry;
        await appendAudit(tx, { actor: w.actor, action: 'entry.update', entityType: 'entry', entityId: id, unitCode: w.unitCode, year: where.year, before: before && snapshot(before), after: snapshot(after) });
        return after;
      });
    },

    async delete(where: ReportModuleKey, id: string, actor: EntryWrite['actor'] & { unitCode: string }): Promise<void> {
      await onModule(where, async (tx, reportModuleId) => {
        const [row] = await tx.select({ total: ENTRY_TOTAL }).from(entries).where(and(eq(entries.id, id), eq(entries.reportModuleId, reportModuleId)));
        const [deleted] = await tx.delete(entries).where(and(eq(entries.id, id), eq(entries.reportModuleId, reportModuleId))).returning();
        if (!row || !deleted) return;
        const before = { data: deleted.data, note: deleted.note, status: deleted.status, totalKgCo2eq: Number(row.total) };
        await appendAudit(tx, { actor: { id: actor.id, subject: actor.subject }, action: 'entry.delete', entityType: 'entry', entityId: id, unitCode: actor.unitCode, year: where.year, before });
      });
    },
  };
}

export type EntryRepository = ReturnType<typeof createEntryRepository>;
