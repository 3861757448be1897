// CLI: starts the development OIDC provider from environment variables (see deploy/dev-idp/README.md).
import { DEFAULT_AUDIENCE, startDevIdp } from './index.js';

function list(value: string | undefined, fallback: string[]): string[] {
  const items = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return items.length > 0 ? items : fallback;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`dev-idp: environment variable ${name} is required`);
    process.exit(1);
  }
  return value;
}

const env = process.env;
const port = Number(env.DEV_IDP_PORT ?? 8082);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`dev-idp: DEV_IDP_PORT must be a port number, got "${env.DEV_IDP_PORT}"`);
  process.exit(1);
}

const redirectUris = list(env.DEV_IDP_REDIRECT_URIS, ['http://localhost:8080/auth/callback']);
/** The BFF's back-channel logout endpoint: explicit, or beside the first redirect URI. */
const backchannelLogoutUri =
  env.DEV_IDP_BACKCHANNEL_LOGOUT_URI || (URL.canParse(redirectUris[0]!) ? `${new URL(redirectUris[0]!).origin}/auth/backchannel-logout` : undefined);

try {
  const idp = await startDevIdp({
    port,
    host: env.DEV_IDP_HOST ?? 'localhost',
    ...(env.DEV_IDP_ISSUER ? { issuer: env.DEV_IDP_ISSUER } : {}),
    audience: env.CORE_API_AUDIENCE || DEFAULT_AUDIENCE,
    ...(env.DEV_IDP_KEYS_FILE ? { keysFile: env.DEV_IDP_KEYS_FILE } : {}),
    clients: [
      {
        clientId: required('OIDC_CLIENT_ID'),
        clientSecret: required('OIDC_CLIENT_SECRET'),
        redirectUris,
        postLogoutRedirectUris: list(env.DEV_IDP_POST_LOGOUT_REDIRECT_URIS, ['http://localhost:8080/']),
        ...(backchannelLogoutUri ? { backchannelLogoutUri } : {}),
      },
    ],
  });
  console.log(`dev-idp: issuer ${idp.issuer}`);
  const stop = () => {
    idp.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`dev-idp: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
