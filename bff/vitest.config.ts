import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'bff', include: ['test/**/*.test.ts'], exclude: ['**/node_modules/**'], testTimeout: 30_000, hookTimeout: 60_000 },
});
