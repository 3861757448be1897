import { referenceKey } from '../lookups.js';
import { dataFormat } from './data-format.js';

/** Building rooms used by the unit; the surface comes from the building-rooms reference (checked per batch). */
export const buildingRooms = dataFormat({
  id: 'building-rooms',
  description: 'Buildings: rooms used by the unit (building, room, room type)',
  targets: ['buildings/rooms'],
  columns: [
    { name: 'building_location', kind: 'ignored' },
    { name: 'building_name', required: true },
    { name: 'room_name', required: true },
    { name: 'room_type', required: true },
    { name: 'room_allocation_ratio', kind: 'number' },
  ],
  example: { building_location: 'ECUBLENS', building_name: 'AAB', room_name: 'AAB 0 01', room_type: 'office', room_allocation_ratio: '' },
  references: (row, onMissing) => [
    {
      kind: 'room',
      key: referenceKey.room(String(row.data.building_name), String(row.data.room_name)),
      column: 'room_name',
      value: `${String(row.data.building_name)} / ${String(row.data.room_name)}`,
      label: 'room',
      onMissing,
    },
  ],
});

/** On-site combustion: fuel name, unit (kWh, kg…) and quantity. */
export const buildingCombustion = dataFormat({
  id: 'building-combustion',
  description: 'Buildings: fuel burnt on site (natural_gas, heating_oil, pellets…) with unit and quantity',
  targets: ['buildings/combustion'],
  columns: [
    { name: 'name', required: true },
    { name: 'unit' },
    { name: 'quantity', kind: 'number', required: true },
  ],
  example: { name: 'natural_gas', unit: 'kWh', quantity: '1200' },
});
