// Latency measurement shared by the benchmark scripts: warm-up, n timed runs, p50/p95/max, and the ratio to a
// baseline measured earlier in the same run (`timer.baseline(...)`).
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export function createTimer(labelWidth = 52) {
  let baselineP95 = 0;
  const time = async (label: string, runs: number, fn: () => Promise<unknown>): Promise<number> => {
    for (let i = 0; i < 5; i++) await fn(); // warm-up
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await fn();
      ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    const p95 = pct(ms, 95);
    const ratio = baselineP95 ? `  = ${(p95 / baselineP95).toFixed(1)} × baseline p95` : '';
    console.log(`${label.padEnd(labelWidth)} n=${runs}  p50 ${pct(ms, 50).toFixed(2)} ms  p95 ${p95.toFixed(2)} ms  max ${ms[ms.length - 1]?.toFixed(2)} ms${ratio}`);
    return p95;
  };
  return {
    time,
    /** The cheapest round trip to the same PostgreSQL (`SELECT 1`); later figures print their ratio to it. */
    baseline: async (query: () => Promise<unknown>) => {
      baselineP95 = await time('baseline: SELECT 1 round trip', 500, query);
    },
  };
}
