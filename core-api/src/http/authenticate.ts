import type { RequestHandler } from 'express';
import type { RoleProvider } from '../auth/role-provider.js';
import type { TokenVerifier } from '../auth/token-verifier.js';
import { identityFromClaims } from '../domain/identity/identity-from-claims.js';
import type { TokenIdentity, User } from '../domain/identity/user.js';
import { errors } from '../errors/index.js';
import { principalOf, setPrincipal } from './request-context.js';

export interface AuthenticateDeps {
  verifier: TokenVerifier;
  roleProvider: RoleProvider;
  syncUser: (identity: TokenIdentity) => Promise<User>;
}

/** `Authorization: Bearer <token>` → the token, or undefined when absent/another scheme. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * Verifies the bearer token, resolves the caller's grants, records the user and attaches the principal.
 * Idempotent: a request that already has a principal passes through.
 */
export function createAuthenticate(deps: AuthenticateDeps): RequestHandler {
  return async (req, _res, next) => {
    if (principalOf(req)) return next();
    const header = req.headers.authorization;
    const token = bearerToken(header);
    if (!token) throw header ? errors.invalidToken('expected "Authorization: Bearer <token>"') : errors.unauthenticated();
    const claims = await deps.verifier.verify(token);
    const grants = await deps.roleProvider.rolesFor(claims);
    const user = await deps.syncUser(identityFromClaims(claims));
    setPrincipal(req, { user, grants });
    req.log?.setBindings({ userId: user.id });
    next();
  };
}
