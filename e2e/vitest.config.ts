import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'e2e',
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    globalSetup: ['./support/portal-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // One portal for all e2e files; each file gets its own browser context.
    fileParallelism: false,
  },
});
