// The OIDC client adapter: lazy discovery (retried until it succeeds, so the BFF can start before the
// provider), http issuers allowed only when the issuer itself is http (development).
import * as oidc from 'openid-client';
import type { BffConfig } from '../config.js';
import { BffError } from '../errors.js';

export interface OidcClient {
  /** The discovered configuration; throws BffError idp_unavailable when discovery fails. */
  get(): Promise<oidc.Configuration>;
}

export function createOidcClient(config: BffConfig['oidc']): OidcClient {
  let pending: Promise<oidc.Configuration> | undefined;
  const discover = () => {
    const issuer = new URL(config.issuer);
    return oidc.discovery(issuer, config.clientId, undefined, oidc.ClientSecretBasic(config.clientSecret), {
      ...(issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {}),
      timeout: 10,
    });
  };
  return {
    async get() {
      pending ??= discover();
      try {
        return await pending;
      } catch (error) {
        pending = undefined; // retry on the next request
        throw new BffError('idp_unavailable', `OIDC discovery of ${config.issuer} failed: ${(error as Error).message}`);
      }
    },
  };
}
