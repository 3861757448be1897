// What the explain drawer shows for a trip: the kit's items from its emission rows, with the factor's source and
// the lines that say why this factor applies (haul band, class, RFI, train country rule). Pure.
import type { Trip } from '@co2/contracts';
import { explainItemsFromEntry, formatKm, formatNumber, type ExplainItem } from '@co2/ui';
import { bandLabel, classLabel, routeLabel } from './trip-labels.js';

type T = (key: string, named?: Record<string, unknown>) => string;

const INPUT_UNITS: Record<string, string> = { distance_km: 'km', one_trip_km: 'km', great_circle_km: 'km', ef_kg_co2eq_per_km: 'kg CO₂-eq/km' };

/** Why the trip's factor applies, as sentences. */
export function whyLines(trip: Trip, t: T, locale: string): string[] {
  const emission = trip.entry.emissions[0];
  if (!emission) return [];
  if (!emission.factorId) return [t('explain.given')];
  const lines: string[] = [];
  const trips = trip.numberOfTrips;
  const gc = emission.inputs.great_circle_km;
  if (trip.type === 'plane') {
    lines.push(t('explain.distance', { gc: typeof gc === 'number' ? formatKm(gc, locale) : '?', trips }));
    if (trip.haulBand && trip.oneTripKm !== null) {
      lines.push(t('explain.band', { band: bandLabel(t, trip.haulBand.category), oneTrip: formatKm(trip.oneTripKm, locale), min: formatNumber(trip.haulBand.minKm, locale), max: formatNumber(trip.haulBand.maxKm, locale) }));
    }
    lines.push(t('explain.cabin', { cabin: classLabel(t, trip.cabinClass) }));
    const rfi = emission.inputs.rfi_adjustment;
    if (typeof rfi === 'number') lines.push(t('explain.rfi', { rfi: formatNumber(rfi, locale) }));
  } else {
    lines.push(t('explain.distanceTrain', { trips }));
    if (trip.trainCountry) {
      lines.push(t('explain.trainCountry', { country: trip.trainCountry.country, rule: t(`rules.${trip.trainCountry.rule}`) }));
      const used = emission.inputs.factor_country;
      if (typeof used === 'string' && used !== trip.trainCountry.country) lines.push(t('explain.trainFallback', { country: trip.trainCountry.country }));
    }
    lines.push(t('explain.cabin', { cabin: classLabel(t, trip.cabinClass) }));
  }
  return lines;
}

/** The explain drawer's items for a trip (one per emission row; travel entries have one). */
export function tripExplainItems(trip: Trip, t: T, locale: string): ExplainItem[] {
  const inputs = Object.fromEntries(Object.keys(INPUT_UNITS).concat(['number_of_trips', 'rfi_adjustment', 'haul_category', 'factor_country', 'kg_co2eq', 'quantity']).map((k) => [k, { label: t(`explain.inputs.${k}`), ...(INPUT_UNITS[k] ? { unit: INPUT_UNITS[k] } : {}) }]));
  const items = explainItemsFromEntry(trip.entry, { emissionType: () => routeLabel(trip), inputs });
  return items.map((item, index) => ({
    ...item,
    ...(item.factor && trip.factor && index === 0 ? { factor: { ...item.factor, ...(trip.factor.source ? { source: trip.factor.source } : {}), label: Object.values(trip.factor.classification).join(' · ') } } : {}),
    extra: [t('explain.why'), ...whyLines(trip, t, locale)],
  }));
}
