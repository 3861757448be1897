/** Reporting years offered in the context picker: the current year and the four before it, newest first. */
export function selectableYears(currentYear: number, count = 5): number[] {
  return Array.from({ length: count }, (_, i) => currentYear - i);
}
