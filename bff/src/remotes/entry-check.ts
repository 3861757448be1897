// "Does this artifact's lifecycle entry load?", answered before a version is accepted: remoteEntry.js must be a
// syntactically valid ES module (checked by Node's own parser), every relative module it imports must be in the
// artifact, and it must declare the remote's container name and expose `./lifecycle`. What can only fail in a
// browser (a runtime error while mounting) is reported by browsers afterwards (POST /portal/remote-failures).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)(["'`])(\.{1,2}\/[^"'`]+)\1/g;

export type EntryCheck = { ok: true } | { ok: false; message: string };

/** Relative module specifiers of an entry, resolved against its folder (`./assets/x.js` → `assets/x.js`). */
export function relativeImports(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(RELATIVE_IMPORT)) found.add(path.posix.normalize(match[2]!));
  return [...found].sort();
}

export async function checkEntry(name: string, entry: Buffer | undefined, files: ReadonlySet<string>): Promise<EntryCheck> {
  if (!entry || entry.length === 0) return { ok: false, message: 'remoteEntry.js is missing or empty' };
  const source = entry.toString('utf8');
  const dir = await mkdtemp(path.join(tmpdir(), 'co2-entry-'));
  try {
    const file = path.join(dir, 'remoteEntry.mjs');
    await writeFile(file, source);
    await run(process.execPath, ['--check', file], { timeout: 10_000 });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? (error as Error).message);
    const reason = stderr.split('\n').find((line) => /Error/.test(line)) ?? 'it does not parse';
    return { ok: false, message: `remoteEntry.js does not load: ${reason.trim().slice(0, 200)}` };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const missing = relativeImports(source).filter((specifier) => !files.has(specifier));
  if (missing.length > 0) return { ok: false, message: `remoteEntry.js imports files the artifact does not contain: ${missing.slice(0, 5).join(', ')}` };
  if (!source.includes(name)) return { ok: false, message: `remoteEntry.js does not declare the container ${name}` };
  if (!source.includes('./lifecycle')) return { ok: false, message: 'remoteEntry.js does not expose ./lifecycle' };
  return { ok: true };
}
