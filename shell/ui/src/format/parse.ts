import { decimalSeparator } from './locale.js';

// Spaces of every kind and apostrophes (’ in de-CH/fr-CH) only ever group digits.
const GROUPING = /[\s\u00a0\u202f\u2009'’ʼ]/g;
const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * A number typed by a user, or `null` when it is not one. Accepts the locale's decimal separator and the dot
 * (`1,5` in fr/de and `1.5` everywhere → 1.5), spaces and apostrophes as grouping (`1 234,5`, `1’234.5`), and
 * both separators together, the last one being the decimal (`1.234,5`, `1,234.5`). A lone separator repeated
 * is grouping (`1.234.567`, `1,234,567`); an en comma must group thousands (`1,5` is not a number in en).
 */
export function parseLocaleNumber(text: string, locale: string): number | null {
  const compact = text.trim().replace(/^[−–]/, '-').replace(GROUPING, '');
  const normalised = normalise(compact, decimalSeparator(locale));
  if (normalised === null || !PLAIN.test(normalised)) return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

function normalise(text: string, decimal: string): string | null {
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    const mark = lastComma > lastDot ? ',' : '.';
    const group = mark === ',' ? '.' : ',';
    const [whole = '', fraction, extra] = text.split(mark);
    if (extra !== undefined || fraction === undefined || !groupedThousands(whole, group)) return null;
    return `${whole.split(group).join('')}.${fraction}`;
  }
  const separator = lastComma >= 0 ? ',' : lastDot >= 0 ? '.' : null;
  if (separator === null) return text;
  const count = text.split(separator).length - 1;
  if (count > 1 || (separator === ',' && decimal !== ',')) return groupedThousands(text, separator) ? text.split(separator).join('') : null;
  return text.replace(separator, '.');
}

/** `1,234,567` with `,`: every group after the first has exactly three digits. */
function groupedThousands(text: string, group: string): boolean {
  const [first = '', ...rest] = text.split(group);
  return /^[+-]?\d{1,3}$/.test(first) && rest.every((part) => /^\d{3}$/.test(part));
}
