import { describe, expect, it } from 'vitest';
import { safeReturnTo } from '../../src/auth/return-to.js';

describe('safeReturnTo', () => {
  it.each([
    ['/inventory', '/inventory'],
    ['/travel/trips?year=2024#top', '/travel/trips?year=2024#top'],
    ['/a/../b', '/b'],
  ])('when returnTo is the relative path %s, then it is kept as %s', (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected);
  });

  it.each([undefined, '', 'inventory', '//evil.com', '///evil.com', 'https://evil.com', '/\\evil.com', '\\\\evil.com', '/\t/evil.com', 'javascript:alert(1)', '/auth/login', ['/x']])(
    'when returnTo is %j, then it falls back to /',
    (input) => {
      expect(safeReturnTo(input)).toBe('/');
    },
  );
});
