#!/usr/bin/env node
// `npm start`: builds what the web needs, then runs the whole portal and prints one URL. Ctrl-C stops it.
import { buildWeb } from './web-build.mjs';
import { ROOT, startPortal } from './portal.mjs';
import { portIsFree } from './processes.mjs';

const env = process.env;
const external = env.DATABASE_URL || env.OIDC_ISSUER;
if (env.OIDC_ISSUER && !(env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET)) {
  console.error('OIDC_ISSUER is set: OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required too.');
  process.exit(1);
}
const port = Number(env.PORT ?? 8080);
if (!(await portIsFree(port, '0.0.0.0'))) {
  console.error(`Port ${port} is in use. Stop the other process or choose another one: PORT=8090 npm start`);
  process.exit(1);
}

let portal;
let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  console.log('\n[portal] stopping…');
  await portal?.stop();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  const rebuilt = await buildWeb(ROOT);
  if (rebuilt.length) console.log(`[portal] built ${rebuilt.join(', ')}`);
  portal = await startPortal({
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    oidc: env.OIDC_ISSUER ? { issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET } : undefined,
    publicOrigin: env.PUBLIC_ORIGIN || undefined,
    onUnexpectedExit: ({ name, code, signal }) => {
      if (stopping) return; // Ctrl-C reaches the whole process group: children may exit before we stop them
      console.error(`[portal] ${name} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping the portal.`);
      void shutdown(1);
    },
  });
  const mode = external ? 'external services' : 'embedded PostgreSQL + development OIDC provider';
  console.log(`\n  CO2 Calculator portal is running (${mode}):\n\n    ${portal.url}\n\n  Demo accounts: principal, member, reporter, admin (password = login). Ctrl-C to stop.\n`);
} catch (err) {
  console.error(`[portal] could not start: ${err instanceof Error ? err.message : err}`);
  await shutdown(1);
}
