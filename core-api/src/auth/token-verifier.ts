import { createRemoteJWKSet, decodeProtectedHeader, errors as jose, jwtVerify, type JWTPayload } from 'jose';
import { errors } from '../errors/index.js';
import { createDiscovery, type DiscoveryOptions } from './oidc-discovery.js';

/** Verified claims of an access token (`sub` and `exp` are guaranteed). */
export interface AccessTokenClaims extends JWTPayload {
  sub: string;
  exp: number;
  email?: unknown;
  name?: unknown;
  roles?: unknown;
}

/** Verifies a bearer token; throws catalogue errors `invalid_token` (401) or `auth_unavailable` (503). */
export interface TokenVerifier {
  verify(token: string): Promise<AccessTokenClaims>;
}

export interface OidcVerifierOptions {
  issuer: string;
  audience: string;
  /** Allowed clock skew in seconds (max 5). */
  clockToleranceSeconds?: number;
  discovery?: DiscoveryOptions;
}

const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

/** Maps jose's verification errors: problems with the token → 401, problems reaching the keys → 503. */
function toAppError(err: unknown): Error {
  if (err instanceof jose.JWTExpired) return errors.invalidToken('the token has expired');
  if (err instanceof jose.JWTClaimValidationFailed) return errors.invalidToken(`unexpected "${err.claim}" claim`);
  if (err instanceof jose.JWSSignatureVerificationFailed || err instanceof jose.JWKSNoMatchingKey) {
    return errors.invalidToken('the signature does not match a key of the issuer');
  }
  if (err instanceof jose.JWKSTimeout || err instanceof jose.JWKSInvalid) return errors.authUnavailable(err);
  if (
    err instanceof jose.JWSInvalid ||
    err instanceof jose.JWTInvalid ||
    err instanceof jose.JOSEAlgNotAllowed ||
    err instanceof jose.JOSENotSupported ||
    err instanceof jose.JWKInvalid ||
    err instanceof jose.JWKSMultipleMatchingKeys
  ) {
    return errors.invalidToken('malformed or unsupported token');
  }
  return errors.authUnavailable(err); // fetch failures, non-200 JWKS responses
}

/** Verifies JWT access tokens against the issuer's JWKS, found through OIDC discovery (both cached). */
export function createOidcTokenVerifier(options: OidcVerifierOptions): TokenVerifier {
  const clockTolerance = Math.min(options.clockToleranceSeconds ?? 5, 5);
  const discover = createDiscovery(options.issuer, options.discovery);
  let keys: { uri: string; set: ReturnType<typeof createRemoteJWKSet> } | undefined;

  async function keySet() {
    const metadata = await discover().catch((err: unknown) => {
      throw errors.authUnavailable(err);
    });
    if (keys?.uri !== metadata.jwksUri.href) {
      keys = { uri: metadata.jwksUri.href, set: createRemoteJWKSet(metadata.jwksUri, { timeoutDuration: 5_000 }) };
    }
    return keys.set;
  }

  return {
    async verify(token) {
      try {
        decodeProtectedHeader(token); // reject garbage before touching the network
      } catch {
        throw errors.invalidToken('malformed token');
      }
      const set = await keySet();
      try {
        const { payload } = await jwtVerify(token, set, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms: ALGORITHMS,
          clockTolerance,
          requiredClaims: ['sub', 'exp'],
        });
        return payload as AccessTokenClaims;
      } catch (err) {
        throw toAppError(err);
      }
    },
  };
}
