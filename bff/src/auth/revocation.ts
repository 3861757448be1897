// Best-effort revocation at the provider of the refresh tokens of ended sessions (RFC 7009).
import type { Logger } from 'pino';
import * as oidc from 'openid-client';
import type { OidcClient } from './oidc-client.js';
import type { StoredSession } from './session-data.js';

export async function revokeRefreshTokens(client: OidcClient, ended: (Pick<StoredSession, 'tokens'> | undefined)[], log?: Logger): Promise<void> {
  const tokens = ended.map((d) => d?.tokens?.refreshToken).filter((t): t is string => Boolean(t));
  if (tokens.length === 0) return;
  try {
    const configuration = await client.get();
    if (!configuration.serverMetadata().revocation_endpoint) return;
    await Promise.all(tokens.map((t) => oidc.tokenRevocation(configuration, t).catch((err: unknown) => log?.warn({ err }, 'revocation failed'))));
  } catch (err) {
    log?.warn({ err }, 'revocation skipped: provider unavailable');
  }
}
