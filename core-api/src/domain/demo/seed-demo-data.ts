import { randomUUID } from 'node:crypto';
import type { ModuleKey, YearConfigurationBody } from '@co2/contracts';
import type { CalculateEntry } from '../entries/calculate.js';
import { validateEntryData } from '../entries/calculate.js';
import { createDeriveEntries } from '../entries/derive.js';
import type { EntryWrite, ReportModuleKey, StoredEntry } from '../entries/entry.js';
import type { TokenIdentity, User } from '../identity/user.js';
import { findSubmodule } from '../modules/registry.js';
import type { ReportStore } from '../reports/report.js';
import type { Unit } from '../units/unit.js';
import type { StoredYearConfiguration } from '../years/year-configuration.js';
import type { DemoSeedData, FactorDraft, StarterReference } from './seed-data.js';

/** The demo accounts that author the demo lab's entries (same subjects as the development identity provider). */
const AUTHORS: Record<string, TokenIdentity> = {
  principal: { subject: 'principal', displayName: 'Paula Principal', email: 'principal@demo.example', institutionalId: '100001' },
  member: { subject: 'member', displayName: 'Max Member', email: 'member@demo.example', institutionalId: '100002' },
};

const OPEN_YEAR: YearConfigurationBody = { openToUsers: true, workingDaysPerYear: 230, modules: {}, reductionGoals: [] };

export interface SeedDemoDataDeps {
  units: { findByCode(code: string): Promise<Unit | undefined> };
  users: { upsertFromToken(identity: TokenIdentity, options: { touchAfterSeconds: number }): Promise<User> };
  years: {
    get(year: number): Promise<StoredYearConfiguration | undefined>;
    put(year: number, body: YearConfigurationBody, actor: null): Promise<StoredYearConfiguration>;
  };
  factors: { upsertMany(drafts: readonly FactorDraft[]): Promise<void> };
  reference: { upsertStarter(ref: StarterReference): Promise<void> };
  entries: { create(where: ReportModuleKey, write: EntryWrite): Promise<StoredEntry> };
  reports: Pick<ReportStore, 'modules' | 'setStatus'>;
  calculate: CalculateEntry;
}

export interface SeedDemoDataResult {
  factors: number;
  entries: number;
  /** Years whose demo entries were already there (left untouched). */
  yearsKept: number[];
}

/**
 * The demo data besides the units, idempotent: year configurations (only when missing, so an administrator's
 * changes survive), factors and starter reference rows (upserted), and the demo lab's entries of each demo year
 * (only when that year has no entry yet), computed by the engine, then the listed modules validated.
 */
export function createSeedDemoData(deps: SeedDemoDataDeps) {
  const derive = createDeriveEntries({ calculate: deps.calculate });
  return async (data: DemoSeedData): Promise<SeedDemoDataResult> => {
    for (const year of data.years) if (!(await deps.years.get(year))) await deps.years.put(year, OPEN_YEAR, null);
    await deps.factors.upsertMany(data.factors);
    await deps.reference.upsertStarter(data.reference);
    const unit = await deps.units.findByCode(data.unit);
    if (!unit) throw new Error(`demo unit ${data.unit} is missing: seed the units first`);
    const authors = new Map<string, User>();
    for (const [key, identity] of Object.entries(AUTHORS)) authors.set(key, await deps.users.upsertFromToken(identity, { touchAfterSeconds: 86_400 }));
    const principal = authors.get('principal') as User;

    let created = 0;
    const yearsKept: number[] = [];
    for (const year of data.entries) {
      const existing = await deps.reports.modules(unit.id, [year.year]);
      if (existing.some((m) => m.entryCount > 0)) {
        yearsKept.push(year.year);
        continue;
      }
      // Modules lock different rows: they are written concurrently, the entries of one module in order.
      const byModule = new Map<ModuleKey, DemoSeedData['entries'][number]['entries']>();
      for (const entry of year.entries) {
        const module = entry.submodule.split('/')[0] as ModuleKey;
        byModule.set(module, [...(byModule.get(module) ?? []), entry]);
      }
      await Promise.all(
        [...byModule].map(async ([module, list]) => {
          for (const entry of list) {
            const definition = findSubmodule(module, entry.submodule.split('/')[1] ?? '');
            if (!definition) throw new Error(`unknown submodule ${entry.submodule}`);
            const values = validateEntryData(definition, entry.data);
            const result = await deps.calculate(definition, values, year.year);
            const author = authors.get(entry.author ?? 'principal') ?? principal;
            const id = randomUUID();
            const derived = await derive(definition, id, values, result, year.year);
            await deps.entries.create(
              { unitId: unit.id, year: year.year, module },
              { id, submodule: definition.key, data: values, note: null, source: 'manual', result, actor: { id: author.id, subject: author.subject }, unitCode: unit.code, derived },
            );
            created += 1;
          }
        }),
      );
      for (const module of year.validate) {
        await deps.reports.setStatus({ unitId: unit.id, year: year.year, module }, 'validated', { actor: { id: principal.id, subject: principal.subject }, unitCode: unit.code });
      }
    }
    return { factors: data.factors.length, entries: created, yearsKept };
  };
}
