import { EntryList, MODULES, Report, Results, type Entry, type ModuleKey } from '@co2/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoSeedData } from '../../src/demo/load-seed-data.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { startApi, type RunningApi } from '../support/api.js';
import { startTestIssuer, type TestIssuer } from '../support/test-issuer.js';

// Every module end to end over HTTP on a lab without data (LAB-ICE), with the demo factors and reference data:
// create the demo lab's entries of 2024 and 2025 → emissions and module totals → validate → results (per module,
// scope, category, per FTE, year over year), each figure checked against the entries the API returns.
const principal = { sub: 'ice', name: 'Ivan Ice', roles: ['user.principal@unit:LAB-ICE'] };
const unit = '/api/v1/units/LAB-ICE';
const MODULE_KEYS = Object.keys(MODULES) as ModuleKey[];

interface ModuleFigures {
  totalKg: number;
  additionalKg: number;
  byScope: Record<1 | 2 | 3, number>;
}

describe('every module end to end over HTTP: entries → totals → validation → results', () => {
  let issuer: TestIssuer;
  let api: RunningApi;
  const call = async (method: string, path: string, body?: unknown) => api.send(method, path, { token: await issuer.mint(principal), body });
  const json = async <T>(res: Response, schema: { parse(v: unknown): T }, status = 200) => {
    expect(res.status, await res.clone().text()).toBe(status);
    return schema.parse(await res.json());
  };
  /** Sums of the entries the API lists for a module (derived ones included), additional categories apart. */
  const figures = async (year: number, module: ModuleKey): Promise<ModuleFigures> => {
    const out: ModuleFigures = { totalKg: 0, additionalKg: 0, byScope: { 1: 0, 2: 0, 3: 0 } };
    for (const sub of MODULES[module]) {
      const list = await json(await call('GET', `${unit}/years/${year}/modules/${module}/${sub}/entries?pageSize=200`), EntryList);
      for (const e of list.items as Entry[]) {
        for (const x of e.emissions) {
          out.totalKg += x.kgCo2eq;
          if (x.additional) out.additionalKg += x.kgCo2eq;
          else out.byScope[x.scope as 1 | 2 | 3] += x.kgCo2eq;
        }
      }
    }
    return out;
  };
  const figuresByYear = new Map<number, Map<ModuleKey, ModuleFigures>>();

  beforeAll(async () => {
    issuer = await startTestIssuer();
    api = await startApi({ issuer: issuer.issuer });
    await seedDemo(api.database.db); // factors, reference data (and the demo lab LAB-CARBON, not used here)
    for (const year of loadDemoSeedData().entries) {
      for (const entry of year.entries) {
        const [module, sub] = entry.submodule.split('/');
        const created = await call('POST', `${unit}/years/${year.year}/modules/${module}/${sub}/entries`, { data: entry.data });
        expect(created.status, await created.clone().text()).toBe(201);
        expect(((await created.json()) as Entry).status, entry.submodule).toBe('computed');
      }
      const perModule = new Map<ModuleKey, ModuleFigures>();
      for (const module of MODULE_KEYS) perModule.set(module, await figures(year.year, module));
      figuresByYear.set(year.year, perModule);
    }
  });
  afterAll(async () => {
    await api?.close();
    await issuer?.close();
  });

  it('keeps each module’s cached total equal to the sum of its entries’ emissions (derived embodied energy included)', async () => {
    const report = await json(await call('GET', `${unit}/years/2025`), Report);
    for (const module of MODULE_KEYS) {
      const f = figuresByYear.get(2025)!.get(module)!;
      const m = report.modules.find((x) => x.module === module)!;
      expect(f.totalKg, module).toBeGreaterThan(0);
      expect(m.status, module).toBe('in_progress');
      expect(m.totalKgCo2eq, module).toBeCloseTo(f.totalKg, 6);
      expect(m.additionalKgCo2eq, module).toBeCloseTo(f.additionalKg, 6);
    }
  });

  it('counts each module in the results once validated: per module, scope, category, per FTE and year over year', async () => {
    for (const module of MODULE_KEYS) {
      const before = await json(await call('GET', `${unit}/years/2025/results`), Results);
      expect(before.modules, module).not.toContain(module);
      await json(await call('POST', `${unit}/years/2025/modules/${module}/status`, { status: 'validated' }), { parse: (v) => v });
      await json(await call('POST', `${unit}/years/2024/modules/${module}/status`, { status: 'validated' }), { parse: (v) => v });
      const after = await json(await call('GET', `${unit}/years/2025/results`), Results);
      const f = figuresByYear.get(2025)!.get(module)!;
      const previous = figuresByYear.get(2024)!.get(module)!;
      const row = after.byModule.find((m) => m.module === module);
      expect(row?.tonnesCo2eq, module).toBeCloseTo((f.totalKg - f.additionalKg) / 1000, 9);
      const previousT = (previous.totalKg - previous.additionalKg) / 1000;
      expect(row?.previousTonnesCo2eq ?? 0, module).toBeCloseTo(previousT, 9);
      if (previousT > 0) expect(row?.changePercent, module).toBeCloseTo((((f.totalKg - f.additionalKg) / 1000 - previousT) / previousT) * 100, 6);
    }
    const r = await json(await call('GET', `${unit}/years/2025/results`), Results);
    const all = [...figuresByYear.get(2025)!.values()];
    const prev = [...figuresByYear.get(2024)!.values()];
    const sum = (list: ModuleFigures[], pick: (f: ModuleFigures) => number) => list.reduce((s, f) => s + pick(f), 0) / 1000;
    expect(r.modules).toEqual(MODULE_KEYS);
    expect(r.totalTonnesCo2eq).toBeCloseTo(sum(all, (f) => f.totalKg - f.additionalKg), 9);
    expect(r.byScope.scope1).toBeCloseTo(sum(all, (f) => f.byScope[1]), 9);
    expect(r.byScope.scope2).toBeCloseTo(sum(all, (f) => f.byScope[2]), 9);
    expect(r.byScope.scope3).toBeCloseTo(sum(all, (f) => f.byScope[3]), 9);
    expect(r.byCategory.reduce((s, c) => s + c.tonnesCo2eq, 0)).toBeCloseTo(r.totalTonnesCo2eq, 9);
    expect(r.additional.totalTonnesCo2eq).toBeCloseTo(sum(all, (f) => f.additionalKg), 9);
    expect(r.additional.byCategory.map((c) => c.category).sort()).toEqual(['commuting', 'embodied_energy', 'food', 'waste']);
    expect(r.totalFte).toBeCloseTo(1 + 1 + 0.8 + 4, 9);
    expect(r.tonnesCo2eqPerFte).toBeCloseTo(r.totalTonnesCo2eq / 6.8, 9);
    const prevT = sum(prev, (f) => f.totalKg - f.additionalKg);
    expect(r.previousTotalTonnesCo2eq).toBeCloseTo(prevT, 9);
    expect(r.changePercent).toBeCloseTo(((r.totalTonnesCo2eq - prevT) / prevT) * 100, 6);
    expect(r.itFocus.tonnesCo2eq).toBeGreaterThan(0);
  });
});
