import { intlLocale } from './locale.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date: `4 Mar 2025` (en), `4 mars 2025` (fr), `04.03.2025` (de). A date-only ISO string is a
 * calendar day and is never shifted by the time zone; a timestamp shows its day in `timeZone` (default: the user's).
 */
export function formatDate(iso: string, locale: string, options: { timeZone?: string } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const timeZone = DATE_ONLY.test(iso) ? 'UTC' : options.timeZone;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) }).format(date);
}

/** A moment, short: `04/03/2025, 10:05` (en), `04.03.25 10:05` (fr), `04.03.25, 10:05` (de), in the user's time zone unless told. */
export function formatDateTime(iso: string, locale: string, options: { timeZone?: string } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'short', timeStyle: 'short', ...(options.timeZone ? { timeZone: options.timeZone } : {}) }).format(date);
}
