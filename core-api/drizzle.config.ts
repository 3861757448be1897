import { defineConfig } from 'drizzle-kit';

// `npm run db:generate -w @co2/core-api` writes SQL migrations to ./drizzle; core-api applies them at start.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './drizzle',
});
