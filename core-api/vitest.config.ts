import { defineProject } from 'vitest/config';

// Run from the repository root: `npx vitest run --project core-api` (the root config provides PostgreSQL).
export default defineProject({
  test: {
    name: 'core-api',
    include: ['test/**/*.test.ts'],
    exclude: ['contracts/**', 'dist/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
