/** A reporting year as `GET /api/v1/years` lists it (administrators: every configured year; others: open ones). */
export interface YearOption {
  year: number;
  openToUsers: boolean;
}

/** Reporting years offered in the context picker, newest first: the API's, else the current year and the four before it. */
export function selectableYears(currentYear: number, available: readonly YearOption[] | null = null, count = 5): YearOption[] {
  if (available && available.length > 0) {
    const byYear = new Map(available.map((y) => [y.year, y]));
    return [...byYear.values()].sort((a, b) => b.year - a.year);
  }
  return Array.from({ length: count }, (_, i) => ({ year: currentYear - i, openToUsers: true }));
}

/** The year the portal opens on: the newest year open to users, else the newest listed one, else the current year. */
export function defaultYear(currentYear: number, available: readonly YearOption[] | null = null): number {
  const open = (available ?? []).filter((y) => y.openToUsers).map((y) => y.year);
  if (open.length > 0) return Math.max(...open);
  if (available && available.length > 0) return Math.max(...available.map((y) => y.year));
  return currentYear;
}
