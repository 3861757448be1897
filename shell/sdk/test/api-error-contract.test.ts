import { describe, expect, it } from 'vitest';
import { ErrorBody } from '@co2/contracts';
import { readErrorBody } from '../src/index.js';

// The SDK checks error bodies without zod; these cases pin that check to the ErrorBody contract.
const cases: unknown[] = [
  { error: { code: 'validation_failed', message: 'bad', details: [{ path: 'year', message: 'Expected integer' }] } },
  { error: { code: 'unauthenticated', message: 'Sign in' } },
  { error: { code: 'x', message: 'y', details: [] } },
  { error: { code: 1, message: 'y' } },
  { error: { code: 'x' } },
  { error: { code: 'x', message: 'y', details: [{ path: 'a' }] } },
  { error: { code: 'x', message: 'y', details: 'nope' } },
  { error: 'boom' },
  { message: 'no envelope' },
  null,
  [],
];

describe('readErrorBody agrees with the ErrorBody contract', () => {
  it.each(cases.map((c) => [JSON.stringify(c), c]))('%s', (_label, value) => {
    const contract = ErrorBody.safeParse(value);
    const read = readErrorBody(value);
    expect(read !== null).toBe(contract.success);
    if (contract.success) expect(read).toEqual({ ...contract.data.error, details: contract.data.error.details ?? [] });
  });
});
