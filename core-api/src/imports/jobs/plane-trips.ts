// The set-based plane path: what the engine computes per flight splits into what depends on the airport pair
// (great circle, +95 km, haul band), on (band, cabin class) (the factor, its ef and rfi) and on the row (trips,
// a given kg). The first two are computed here ONCE per distinct pair / factor with the engine's own functions
// (haversineKm, planeTripKm, haulBand, bandsOf, matchFactors, numberValue), so results are identical by
// construction; the per-row part is SQL (import-trips.repository.ts). Tests compare both paths row by row.
import type { Factor } from '../../domain/modules/types.js';
import { emissionType } from '../../domain/modules/emission-types/index.js';
import { matchFactors, numberValue } from '../../domain/modules/factor-match.js';
import { PLANE_LEAF } from '../../domain/modules/professional-travel/compute.js';
import { haulBand, haversineKm, planeTripKm, type HaulBand } from '../../domain/modules/professional-travel/geo.js';
import { bandsOf } from '../../domain/modules/professional-travel/lookup.js';
import { copyField } from '../../repositories/import-staging.repository.js';
import type { BandFactor, CabinLeaf, PairDistance, TripPair } from '../../repositories/import-trips.repository.js';
import type { DataRow } from '../formats/index.js';
import type { AcceptedRow } from '../validate.js';

const CABINS = Object.keys(PLANE_LEAF) as (keyof typeof PLANE_LEAF)[];

/** Values the SQL arithmetic reproduces bit for bit (finite, ≥ 0, no −0, far from overflow); else the engine path. */
const plain = (x: number) => Number.isFinite(x) && x >= 0 && x <= 1e12 && !Object.is(x, -0);

export interface PlanePlan {
  bands: HaulBand[];
  factors: BandFactor[];
  leaves: CabinLeaf[];
}

/**
 * The year's plane factors as the engine's lookup would pick them, per (band, cabin class); `null` when a
 * factor holds a value the SQL could not reproduce exactly (negative, huge), so the caller uses the engine.
 */
export function planePlan(factors: readonly Factor[]): PlanePlan | null {
  const bands = bandsOf(factors);
  const picked: BandFactor[] = [];
  for (const band of bands) {
    for (const cabin of CABINS) {
      const [factor] = matchFactors(factors, { category: band.category, cabin_class: cabin });
      if (!factor) continue;
      const ef = numberValue(factor, 'ef_kg_co2eq_per_km') ?? null;
      const rfi = numberValue(factor, 'rfi_adjustment') ?? 1;
      if ((ef !== null && !plain(ef)) || !plain(rfi)) return null;
      picked.push({ band: band.category, cabin, factorId: factor.id, factorYear: factor.year, ef, rfi, haulCategory: String(factor.classification.category) });
    }
  }
  const leaves = CABINS.map((cabin) => {
    const t = emissionType(PLANE_LEAF[cabin]);
    if (t.scope === null || t.category === null) throw new Error(`${t.key} is not an emission leaf`);
    return { cabin, emissionTypeId: t.id, emissionType: t.key, scope: t.scope, category: t.category, additional: t.additional };
  });
  return { bands, factors: picked, leaves };
}

/** Distance and band of each distinct pair (the engine's prepare + band choice); yields every 5,000 pairs. */
export async function pairDistances(pairs: readonly TripPair[], bands: readonly HaulBand[]): Promise<PairDistance[]> {
  const out: PairDistance[] = [];
  for (let i = 0; i < pairs.length; i++) {
    const p = pairs[i] as TripPair;
    const originKnown = p.origin_lat !== null && p.origin_lon !== null;
    const destinationKnown = p.destination_lat !== null && p.destination_lon !== null;
    let greatCircleKm: number | null = null;
    let oneTripKm: number | null = null;
    if (originKnown && destinationKnown) {
      greatCircleKm = haversineKm({ latitude: p.origin_lat as number, longitude: p.origin_lon as number }, { latitude: p.destination_lat as number, longitude: p.destination_lon as number });
      oneTripKm = planeTripKm(greatCircleKm);
    }
    const band = oneTripKm === null ? null : (haulBand(oneTripKm, bands) ?? null);
    out.push({ origin: p.origin, destination: p.destination, originKnown, destinationKnown, greatCircleKm, oneTripKm, band });
    if (i % 5000 === 4999) await new Promise((r) => setImmediate(r));
  }
  return out;
}

/** One accepted plane row as a COPY line of `import_trips` (IATA codes, cabin and trips are validated: no escaping). */
export function tripLine({ line, value }: AcceptedRow<DataRow>, unitCode: string): string {
  const d = value.data;
  return `${line}\t${copyField(unitCode)}\t${copyField(JSON.stringify(d))}\t${copyField(value.note)}\t${copyField(value.kgCo2eqOverride)}\t${d.origin_iata as string}\t${d.destination_iata as string}\t${d.cabin_class as string}\t${d.number_of_trips as number}\n`;
}
