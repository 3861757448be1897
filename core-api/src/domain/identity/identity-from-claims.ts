import type { TokenIdentity } from './user.js';

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** The person described by verified token claims; the display name falls back to username, email, subject. */
export function identityFromClaims(claims: { sub: string; email?: unknown; name?: unknown; preferred_username?: unknown }): TokenIdentity {
  const email = text(claims.email) ?? null;
  return {
    subject: claims.sub,
    email,
    displayName: text(claims.name) ?? text(claims.preferred_username) ?? email ?? claims.sub,
  };
}
