import type { BuildingRoom } from '@co2/contracts';
import type { FieldOption, FormHints } from '@co2/ui';
import { formatNumber } from '@co2/ui';

const ROOM_TYPES = ['office', 'laboratories', 'archives', 'libraries', 'auditoriums', 'miscellaneous'];

/** The contract's room type for the reference's text (`Office` → `office`), or null when it is none of them. */
export function roomTypeOf(reference: string | null): string | null {
  const type = reference?.trim().toLowerCase() ?? '';
  return ROOM_TYPES.includes(type) ? type : null;
}

/** Hints of the rooms form: building and room are dropdowns of the reference data; a room says its surface. */
export function roomHints(buildings: readonly string[], rooms: readonly BuildingRoom[], locale: string): FormHints {
  const roomOptions: FieldOption[] = rooms.map((r) => ({ value: r.roomName, label: `${r.roomName} (${formatNumber(r.surfaceM2, locale)} m²)` }));
  return {
    ...(buildings.length ? { building_name: { widget: 'select', options: buildings.map((b) => ({ value: b, label: b })) } } : {}),
    ...(roomOptions.length ? { room_name: { widget: 'select', options: roomOptions, dependsOn: 'building_name' } } : {}),
  };
}
