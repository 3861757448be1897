import { describe, expect, it } from 'vitest';
import { decimalSeparator, formatDate, formatDateTime, formatKg, formatKm, formatNumber, formatPercent, formatTonnes, intlLocale, parseLocaleNumber } from '../src/format/index.js';

// Intl uses a no-break space before units and narrow no-break spaces in fr-CH groups; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('locales', () => {
  it('maps the portal languages to en-GB, fr-CH and de-DE; FR and DE use a decimal comma', () => {
    expect(['en', 'fr', 'de'].map(intlLocale)).toEqual(['en-GB', 'fr-CH', 'de-DE']);
    expect(['en', 'fr', 'de'].map(decimalSeparator)).toEqual(['.', ',', ',']);
    expect(intlLocale('de-CH')).toBe('de-CH');
    expect(intlLocale('??')).toBe('en-GB');
  });
});

describe('formatNumber', () => {
  it.each([
    ['en', '1,234,567.5'],
    ['fr', '1 234 567,5'],
    ['de', '1.234.567,5'],
  ])('in %s, 1234567.5 reads %s', (locale, expected) => {
    expect(plain(formatNumber(1234567.5, locale))).toBe(expected);
  });

  it('rounds to the given number of decimals', () => {
    expect(formatNumber(1.23456, 'en')).toBe('1.23');
    expect(formatNumber(1.23456, 'de', { maximumFractionDigits: 0 })).toBe('1');
  });
});

describe('formatKg', () => {
  it.each([
    [850, 'en', '850 kg'],
    [12.5, 'en', '12.5 kg'],
    [12.5, 'fr', '12,5 kg'],
    [12.5, 'de', '12,5 kg'],
    [0.0423, 'en', '0.0423 kg'],
    [0, 'en', '0 kg'],
    [999.4, 'en', '999 kg'],
    [999.6, 'en', '1 t'],
    [10_400, 'en', '10.4 t'],
    [10_400, 'fr', '10,4 t'],
    [10_449, 'de', '10,4 t'],
    [123_456, 'en', '123 t'],
    [12_345_678, 'en', '12,346 t'],
    [12_345_678, 'fr', '12 346 t'],
    [12_345_678, 'de', '12.346 t'],
    [-2_500, 'en', '-2.5 t'],
  ])('%s kg in %s reads %s', (kg, locale, expected) => {
    expect(plain(formatKg(kg, locale))).toBe(expected);
  });

  it('keeps the figure and its unit together with a no-break space', () => {
    expect(formatKg(850, 'en')).toBe('850\u00a0kg');
  });

  it('formats tonnes given as tonnes', () => {
    expect(plain(formatTonnes(10.44, 'de'))).toBe('10,4 t');
    expect(plain(formatTonnes(1500, 'en'))).toBe('1,500 t');
  });
});

describe('formatPercent and formatKm', () => {
  it('reads a share as a percentage, signed on request', () => {
    expect(formatPercent(0.125, 'en')).toBe('12.5%');
    expect(plain(formatPercent(0.125, 'de'))).toBe('12,5 %');
    expect(plain(formatPercent(0.125, 'fr'))).toMatch(/^12,5 ?%$/);
    expect(formatPercent(0.125, 'en', { signed: true })).toBe('+12.5%');
    expect(formatPercent(-0.03, 'en', { signed: true })).toBe('-3%');
    expect(formatPercent(0, 'en', { signed: true })).toBe('0%');
  });

  it('reads distances with one decimal below 100 km', () => {
    expect(plain(formatKm(12.46, 'fr'))).toBe('12,5 km');
    expect(plain(formatKm(1234.5, 'en'))).toBe('1,235 km');
    expect(plain(formatKm(1234.5, 'de'))).toBe('1.235 km');
  });
});

describe('formatDate and formatDateTime', () => {
  it('shows a calendar date in each language without a time-zone shift', () => {
    expect(formatDate('2025-03-04', 'en')).toBe('4 Mar 2025');
    expect(formatDate('2025-03-04', 'fr')).toBe('4 mars 2025');
    expect(formatDate('2025-03-04', 'de')).toBe('04.03.2025');
  });

  it('shows a moment in the given time zone', () => {
    const iso = '2025-03-04T10:05:00Z';
    expect(formatDateTime(iso, 'en', { timeZone: 'Europe/Zurich' })).toBe('04/03/2025, 11:05');
    expect(formatDateTime(iso, 'de', { timeZone: 'UTC' })).toBe('04.03.25, 10:05');
    expect(formatDate(iso, 'fr', { timeZone: 'UTC' })).toBe('4 mars 2025');
  });

  it('returns what it cannot read unchanged', () => {
    expect(formatDate('soon', 'en')).toBe('soon');
    expect(formatDateTime('', 'en')).toBe('');
  });
});

describe('parseLocaleNumber', () => {
  it.each([
    ['1,5', 'fr', 1.5],
    ['1,5', 'de', 1.5],
    ['1.5', 'fr', 1.5],
    ['1.5', 'en', 1.5],
    ['1 234,5', 'fr', 1234.5],
    ['1\u202f234,5', 'fr', 1234.5],
    ['1’234.5', 'fr', 1234.5],
    ["1'234.5", 'de', 1234.5],
    ['1.234,5', 'de', 1234.5],
    ['1,234.5', 'en', 1234.5],
    ['1,234', 'en', 1234],
    ['1.234.567', 'de', 1234567],
    ['1,234,567', 'en', 1234567],
    ['  42 ', 'en', 42],
    ['-0,25', 'de', -0.25],
    ['−3', 'en', -3],
    ['.5', 'en', 0.5],
    ['0', 'fr', 0],
  ])('reads %j in %s as %s', (text, locale, expected) => {
    expect(parseLocaleNumber(text, locale)).toBe(expected);
  });

  it.each([
    ['', 'en'],
    ['abc', 'fr'],
    ['1,5', 'en'],
    ['1,2,3', 'fr'],
    ['1.2.3', 'de'],
    ['1,234.5,6', 'en'],
    ['12,34.5', 'en'],
    ['1e5', 'en'],
    ['Infinity', 'en'],
    ['1..5', 'en'],
    ['5 kg', 'de'],
  ])('returns null for %j in %s', (text, locale) => {
    expect(parseLocaleNumber(text, locale)).toBeNull();
  });
});
