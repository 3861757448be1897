import { describe, expect, it } from 'vitest';
import { recalculationsAfterReferenceImport, REFERENCE_READERS } from '../../src/recalculation/after-reference-import.js';

describe('recalculations after a reference import', () => {
  it('recomputes the readers of each changed table in every open year', () => {
    expect(recalculationsAfterReferenceImport({ changedTables: ['airports', 'train_stations'], openYears: [2024, 2025] })).toEqual([
      { submodule: 'professional-travel/plane', year: 2024 },
      { submodule: 'professional-travel/plane', year: 2025 },
      { submodule: 'professional-travel/train', year: 2024 },
      { submodule: 'professional-travel/train', year: 2025 },
    ]);
  });

  it('adds the import’s own year (FX rates of a closed year) and lists each spend submodule once', () => {
    const targets = recalculationsAfterReferenceImport({ changedTables: ['fx_rates', 'price_indices'], openYears: [2025], year: 2023 });
    expect(new Set(targets.map((t) => t.year))).toEqual(new Set([2023, 2025]));
    expect(targets).toHaveLength(REFERENCE_READERS.fx_rates.length * 2);
    expect(targets.map((t) => t.submodule)).toContain('external-cloud-ai/cloud');
  });

  it('recomputes rooms after building rooms; chains nothing for the unit hierarchy, or when no year is open', () => {
    expect(recalculationsAfterReferenceImport({ changedTables: ['units', 'building_rooms'], openYears: [2025] })).toEqual([{ submodule: 'buildings/rooms', year: 2025 }]);
    expect(recalculationsAfterReferenceImport({ changedTables: ['units'], openYears: [2025] })).toEqual([]);
    expect(recalculationsAfterReferenceImport({ changedTables: ['airports'], openYears: [] })).toEqual([]);
  });
});
