import { referenceKey } from '../lookups.js';
import { dataFormat } from './data-format.js';

/** Professional travel by train: stations by name and country (the country is required in CSV files). */
export const travelTrains = dataFormat({
  id: 'travel-trains',
  description: 'Professional travel: train journeys (station names with ISO country codes, traveller, class)',
  targets: ['professional-travel/train'],
  columns: [
    { name: 'origin_name', required: true },
    { name: 'origin_country_code', required: true },
    { name: 'destination_name', required: true },
    { name: 'destination_country_code', required: true },
    { name: 'user_institutional_id', required: true },
    { name: 'departure_date' },
    { name: 'number_of_trips', kind: 'number' },
    { name: 'cabin_class', required: true },
  ],
  example: {
    origin_name: 'Lausanne',
    origin_country_code: 'CH',
    destination_name: 'Renens VD',
    destination_country_code: 'CH',
    user_institutional_id: '150322',
    departure_date: '2025-12-03',
    number_of_trips: '1',
    cabin_class: 'second',
  },
  references: (row, onMissing) =>
    (['origin', 'destination'] as const).map((end) => ({
      kind: 'station' as const,
      key: referenceKey.station(String(row.data[`${end}_name`]), row.data[`${end}_country_code`] as string | undefined),
      column: `${end}_name`,
      value: [row.data[`${end}_name`], row.data[`${end}_country_code`]].filter(Boolean).join(', '),
      label: 'station',
      onMissing,
    })),
});
