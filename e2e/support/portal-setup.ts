// Starts the real portal once for the e2e project: builds the web if stale, creates a fresh database on
// the test PostgreSQL, then runs dev OIDC provider + core-api + BFF as child processes (real HTTP).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createTestDatabase } from '@co2/deploy/testing';
import { ensureTestPostgres } from '@co2/deploy/testing/server';
// @ts-expect-error plain ESM module without types
import { buildWeb } from '../../deploy/local/web-build.mjs';
// @ts-expect-error plain ESM module without types
import { ROOT, startPortal } from '../../deploy/local/portal.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    portalUrl: string;
    issuer: string;
    coreUrl: string;
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  await buildWeb(ROOT);
  // This setup runs before the root one: it may have to start the test PostgreSQL itself.
  const stopPostgres = await ensureTestPostgres();
  const db = await createTestDatabase('e2e');
  const portal = await startPortal({
    port: 0,
    databaseUrl: db.url,
    dataDir: mkdtempSync(path.join(tmpdir(), 'co2-e2e-')),
    quiet: true,
    log: () => {},
    env: { LOG_LEVEL: 'warn' },
  });
  project.provide('portalUrl', portal.url);
  project.provide('issuer', portal.issuer);
  project.provide('coreUrl', portal.coreUrl);
  project.provide('databaseUrl', db.url);
  return async () => {
    await portal.stop();
    await db.drop();
    await stopPostgres();
  };
}
