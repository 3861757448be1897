// The trips table's state in the address and its columns (pure, given the translate and format functions).
import { TRIP_SORTS, type Trip } from '@co2/contracts';
import { formatDate, formatKg, formatKm, formatNumber, type ServerTableDefaults, type UiColumn } from '@co2/ui';
import { classLabel } from './trip-labels.js';

export type TripFilterName = 'type' | 'traveller' | 'place' | 'cabinClass' | 'haulBand';

export const TRIPS_TABLE: ServerTableDefaults<TripFilterName> = {
  pageSize: 25,
  sort: 'createdAt',
  order: 'desc',
  filters: { type: null, traveller: null, place: null, cabinClass: null, haulBand: null },
};
export const TRIP_PAGE_SIZES = [10, 25, 50, 100] as const;
export const TRIP_SORT_KEYS = TRIP_SORTS;

type T = (key: string) => string;

/** Columns left out under 600 px (390 px phones): route, distance and kg stay, the rest is in the explain drawer and the form. */
const NARROW_HIDDEN = { class: 'gt-xs', headerClass: 'gt-xs' } as const;

export function tripColumns(t: T, locale: string, traveller: (id: string) => string): UiColumn<Trip>[] {
  return [
    { name: 'route', label: t('trips.column.route'), field: (trip) => trip.origin.name, align: 'left' },
    { name: 'date', ...NARROW_HIDDEN, label: t('trips.column.date'), field: 'departureDate', sortable: true, sortKey: 'departureDate', align: 'left', format: (v) => (typeof v === 'string' ? formatDate(v, locale) : '—') },
    { name: 'traveller', ...NARROW_HIDDEN, label: t('trips.column.traveller'), field: 'travellerId', sortable: true, sortKey: 'traveller', align: 'left', format: (v) => traveller(String(v)) },
    { name: 'class', ...NARROW_HIDDEN, label: t('trips.column.class'), field: 'cabinClass', align: 'left', format: (v) => classLabel(t, String(v)) },
    { name: 'trips', ...NARROW_HIDDEN, label: t('trips.column.trips'), field: 'numberOfTrips', sortable: true, sortKey: 'numberOfTrips', align: 'right', format: (v) => formatNumber(Number(v), locale) },
    { name: 'distance', label: t('trips.column.distance'), field: 'distanceKm', sortable: true, sortKey: 'distanceKm', align: 'right', format: (v) => (typeof v === 'number' ? formatKm(v, locale) : '—') },
    { name: 'kg', label: t('trips.column.kg'), field: (trip) => trip.entry.totalKgCo2eq, sortable: true, sortKey: 'totalKgCo2eq', align: 'right', format: (v) => formatKg(Number(v), locale) },
  ];
}
