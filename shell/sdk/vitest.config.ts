import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'shell-sdk',
    environment: 'happy-dom',
    include: ['test/**/*.test.ts'],
  },
});
