// Global setup: makes a real PostgreSQL available to every test project as TEST_DATABASE_URL
// (DATABASE_URL when set, otherwise an embedded server; see deploy/testing/server.ts).
import { ensureTestPostgres } from './deploy/testing/server.js';

export default async function setup() {
  return ensureTestPostgres();
}
