import { defineConfig } from 'drizzle-kit';

// `npm run db:generate -w @co2/bff` writes SQL migrations to ./drizzle; the BFF applies them at start.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
  schemaFilter: ['bff'],
});
