import { describe, expect, it } from 'vitest';
import { defaultYear, selectableYears } from '../src/portal/years.js';

describe('reporting years of the context picker', () => {
  const listed = [
    { year: 2024, openToUsers: true },
    { year: 2026, openToUsers: false },
    { year: 2025, openToUsers: true },
  ];

  it('offers the years the API lists, newest first, else the current year and the four before it', () => {
    expect(selectableYears(2026, listed).map((y) => [y.year, y.openToUsers])).toEqual([
      [2026, false],
      [2025, true],
      [2024, true],
    ]);
    expect(selectableYears(2026, null).map((y) => y.year)).toEqual([2026, 2025, 2024, 2023, 2022]);
    expect(selectableYears(2026, []).map((y) => y.year)).toEqual([2026, 2025, 2024, 2023, 2022]);
  });

  it('opens on the newest year open to users, else the newest listed, else the current year', () => {
    expect(defaultYear(2026, listed)).toBe(2025);
    expect(defaultYear(2026, [{ year: 2023, openToUsers: false }])).toBe(2023);
    expect(defaultYear(2026, null)).toBe(2026);
  });
});
