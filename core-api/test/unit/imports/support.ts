import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Bytes of a CSV as an async source, cut into small chunks so decoding and parsing really stream. */
export async function* chunked(input: string | Uint8Array, chunkSize = 7): AsyncGenerator<Uint8Array> {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
}

/** A CSV from lines joined with LF (`lines('a,b', '1,2')`). */
export const csv = (...rows: string[]) => `${rows.join('\n')}\n`;

const fixtureDir = fileURLToPath(new URL('../../fixtures/imports/', import.meta.url));

/** A fixture's bytes; `{unit_institutional_id}` placeholders replaced as the reference's tests do. */
export function fixture(name: string, unit = 'U-10208'): Buffer {
  const raw = readFileSync(`${fixtureDir}${name}`);
  return raw.includes('{unit_institutional_id}') ? Buffer.from(raw.toString('utf8').replaceAll('{unit_institutional_id}', unit), 'utf8') : raw;
}
