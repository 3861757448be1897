// Verification of back-channel logout tokens (OpenID Connect Back-Channel Logout 1.0, section 2.6).
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { BffConfig } from '../config.js';
import { BffError } from '../errors.js';
import type { Clock } from '../session/clock.js';
import type { OidcClient } from './oidc-client.js';

export const BACKCHANNEL_EVENT = 'http://schemas.openid.net/event/backchannel-logout';
/** Oldest `iat` accepted; also how long a `jti` is remembered against replay. */
export const LOGOUT_TOKEN_MAX_AGE_SECONDS = 300;
const CLOCK_TOLERANCE_SECONDS = 60;

export interface LogoutClaims {
  jti: string;
  sid?: string;
  sub?: string;
  /** Until when the jti must be remembered (epoch ms). */
  rememberUntil: number;
}

const invalid = (why: string) => new BffError('invalid_logout_token', `Invalid logout_token: ${why}`);

export function logoutTokenVerifier(config: BffConfig['oidc'], client: OidcClient, clock: Clock) {
  let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

  async function keys() {
    if (jwks) return jwks;
    const uri = (await client.get()).serverMetadata().jwks_uri;
    if (!uri) throw new BffError('idp_unavailable', 'The provider publishes no jwks_uri');
    jwks = createRemoteJWKSet(new URL(uri), { timeoutDuration: 5_000 });
    return jwks;
  }

  return async function verify(token: unknown): Promise<LogoutClaims> {
    if (typeof token !== 'string' || token.length === 0 || token.length > 8_192) throw invalid('missing');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await keys(), {
        issuer: config.issuer,
        audience: config.clientId,
        algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
        currentDate: new Date(clock()),
        maxTokenAge: LOGOUT_TOKEN_MAX_AGE_SECONDS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['iat', 'jti'],
      }));
    } catch (error) {
      if (error instanceof BffError) throw error;
      if (error instanceof joseErrors.JOSEError) throw invalid(error.message);
      throw new BffError('idp_unavailable', `Cannot load the provider's keys: ${(error as Error).message}`);
    }
    const events = payload.events as Record<string, unknown> | undefined;
    const event = events?.[BACKCHANNEL_EVENT];
    if (typeof event !== 'object' || event === null || Array.isArray(event)) throw invalid(`events must contain ${BACKCHANNEL_EVENT}`);
    if ('nonce' in payload) throw invalid('a logout token must not contain a nonce');
    const sid = typeof payload.sid === 'string' && payload.sid ? payload.sid : undefined;
    const sub = typeof payload.sub === 'string' && payload.sub ? payload.sub : undefined;
    if (!sid && !sub) throw invalid('neither sid nor sub');
    if (typeof payload.jti !== 'string' || !payload.jti || payload.jti.length > 255) throw invalid('jti');
    const rememberUntil = (payload.iat! + LOGOUT_TOKEN_MAX_AGE_SECONDS + CLOCK_TOLERANCE_SECONDS) * 1000;
    return { jti: payload.jti, ...(sid ? { sid } : {}), ...(sub ? { sub } : {}), rememberUntil };
  };
}
