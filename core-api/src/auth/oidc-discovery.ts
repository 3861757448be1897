import { z } from 'zod';

const DiscoveryDocument = z.object({ issuer: z.string(), jwks_uri: z.url() });

export interface OidcMetadata {
  issuer: string;
  jwksUri: URL;
}

export interface DiscoveryOptions {
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

async function discover(issuer: string, options: DiscoveryOptions): Promise<OidcMetadata> {
  const response = await (options.fetch ?? fetch)(discoveryUrl(issuer), {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
  });
  if (!response.ok) throw new Error(`OIDC discovery answered HTTP ${response.status}`);
  const doc = DiscoveryDocument.parse(await response.json());
  if (doc.issuer !== issuer) throw new Error(`OIDC discovery announces issuer "${doc.issuer}", expected "${issuer}"`);
  return { issuer: doc.issuer, jwksUri: new URL(doc.jwks_uri) };
}

/**
 * Returns a function that resolves the issuer's metadata. Success is cached for the life of the process;
 * a failure is not (the next request tries again), and concurrent callers share one request.
 */
export function createDiscovery(issuer: string, options: DiscoveryOptions = {}): () => Promise<OidcMetadata> {
  let pending: Promise<OidcMetadata> | undefined;
  return () => {
    pending ??= discover(issuer, options).catch((err: unknown) => {
      pending = undefined;
      throw err;
    });
    return pending;
  };
}
