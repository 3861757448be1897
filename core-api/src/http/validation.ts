import type { ErrorDetail } from '@co2/contracts';
import type { z } from 'zod';

/** `items[0].name` style path of a zod issue, prefixed with where the value came from (`query`, `body`, ...). */
export function issuePath(location: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`),
    location,
  );
}

export function issuesToDetails(location: string, error: z.ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({ path: issuePath(location, issue.path), message: issue.message }));
}
