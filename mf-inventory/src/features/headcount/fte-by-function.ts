import type { Entry } from '@co2/contracts';

export interface FteBar {
  /** SIUS function code, e.g. `51`. */
  code: string;
  fte: number;
  /** Share of the largest bar, 0–1 (the bar's length). */
  share: number;
}

/** Members' FTE summed per function code, in code order, with bar lengths relative to the largest. */
export function fteByFunction(members: readonly Pick<Entry, 'data'>[]): FteBar[] {
  const sums = new Map<string, number>();
  for (const m of members) {
    const code = String(m.data.sius_code ?? '');
    const fte = typeof m.data.fte === 'number' ? m.data.fte : 0;
    if (code) sums.set(code, (sums.get(code) ?? 0) + fte);
  }
  const max = Math.max(0, ...sums.values());
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([code, fte]) => ({ code, fte, share: max > 0 ? fte / max : 0 }));
}
