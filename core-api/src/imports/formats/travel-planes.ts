import { referenceKey } from '../lookups.js';
import { dataFormat } from './data-format.js';

/** Professional travel by plane: one flight per row (IATA codes); unknown airports are checked per batch. */
export const travelPlanes = dataFormat({
  id: 'travel-planes',
  description: 'Professional travel: flights (origin and destination IATA codes, traveller, cabin class)',
  targets: ['professional-travel/plane'],
  columns: [
    { name: 'origin_iata', required: true },
    { name: 'destination_iata', required: true },
    { name: 'user_institutional_id', required: true },
    { name: 'departure_date' },
    { name: 'number_of_trips', kind: 'number' },
    { name: 'cabin_class', required: true },
  ],
  example: { origin_iata: 'GVA', destination_iata: 'JFK', user_institutional_id: '150322', departure_date: '2025-03-10', number_of_trips: '1', cabin_class: 'economy' },
  references: (row, onMissing) =>
    (['origin_iata', 'destination_iata'] as const).map((column) => ({
      kind: 'airport' as const,
      key: referenceKey.airport(String(row.data[column])),
      column,
      value: String(row.data[column]),
      label: 'airport',
      onMissing,
    })),
});
