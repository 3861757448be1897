import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// One project per workspace (each has its own vitest.config.ts) plus the portal-level e2e tests.
const projects = [
  'core-api/contracts',
  'core-api',
  'bff',
  'shell/sdk',
  'shell/ui',
  'shell',
  'mf-inventory',
  'mf-travel',
  'mf-dashboard',
  'mf-backoffice',
  'deploy',
  'e2e',
].filter((dir) => existsSync(`${dir}/vitest.config.ts`));

export default defineConfig({
  test: {
    globalSetup: ['./vitest.postgres-setup.ts'],
    projects,
  },
});
