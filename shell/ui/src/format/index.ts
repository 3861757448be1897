// Locale formatting and parsing: pure functions, no Vue (`@co2/ui/format`). Pass `useI18n().locale.value` as locale.
export { decimalSeparator, intlLocale, INTL_LOCALES, type PortalLanguage } from './locale.js';
export { formatFigure, formatKm, formatNumber, formatPercent, NBSP, type NumberOptions } from './number.js';
export { formatKg, formatTonnes } from './mass.js';
export { formatDate, formatDateTime } from './date.js';
export { parseLocaleNumber } from './parse.js';
