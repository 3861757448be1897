// Development OpenID Connect provider (oidc-provider) with the demo accounts. Never for production.
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { providerConfiguration, type DevIdpClient } from './configuration.js';
import { handleInteraction } from './interactions.js';
import { loadOrCreateKeys } from './keys.js';

export { DEMO_ACCOUNTS, type DemoAccount } from './accounts.js';
export { SCOPES, type DevIdpClient } from './configuration.js';
export { signInWithPassword, refreshTokens, type SignInOptions, type TokenSet } from './sign-in.js';
export { CookieJar } from './cookie-jar.js';

export const DEFAULT_AUDIENCE = 'urn:co2:core-api';

export interface DevIdpOptions {
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Interface to bind (default `localhost`). */
  host?: string;
  /** Issuer URL, byte for byte as clients configure it (default `http://localhost:<port>`). */
  issuer?: string;
  clients: DevIdpClient[];
  /** Audience (resource indicator) of access tokens for core-api (default `urn:co2:core-api`). */
  audience?: string;
  /** JSON file keeping the signing keys across restarts (created when missing). */
  keysFile?: string;
  /** Lifetime of access tokens in seconds (default 600). */
  accessTokenTtlSeconds?: number;
}

export interface DevIdp {
  issuer: string;
  port: number;
  /** Subscribes to an oidc-provider event (`grant.success`, `backchannel.success`, `backchannel.error`, …); for tests and logs. */
  on(event: string, listener: (...args: unknown[]) => void): void;
  close(): Promise<void>;
}

export async function startDevIdp(options: DevIdpOptions): Promise<DevIdp> {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('dev-idp: refusing to start with NODE_ENV=production (development OIDC provider with demo accounts)');
  }
  if (options.clients.length === 0) throw new Error('dev-idp: at least one client is required');
  const keys = loadOrCreateKeys(options.keysFile);
  const host = options.host ?? 'localhost';

  let handler: RequestListener = (_req, res) => {
    res.writeHead(503).end();
  };
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const issuer = options.issuer ?? `http://localhost:${port}`;

  const provider = new Provider(
    issuer,
    providerConfiguration({
      clients: options.clients,
      audience: options.audience ?? DEFAULT_AUDIENCE,
      keys,
      accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 600,
    }),
  );
  if (new URL(issuer).protocol === 'https:') provider.proxy = true; // TLS terminated in front of us
  const callback = provider.callback();
  handler = (req, res) => {
    handleInteraction(provider, req, res)
      .then((handled) => {
        if (!handled) callback(req, res);
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
  };

  return {
    issuer,
    port,
    on: (event, listener) => void (provider as unknown as NodeJS.EventEmitter).on(event, listener),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
