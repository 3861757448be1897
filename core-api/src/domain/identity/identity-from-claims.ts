import type { TokenIdentity } from './user.js';

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** An institutional id as a string (identity providers may send SCIPERs as numbers); at most 64 characters. */
const institutionalId = (v: unknown): string | null => {
  const id = typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : text(v);
  return id && id.length <= 64 ? id : null;
};

/**
 * The person described by verified token claims; the display name falls back to username, email, subject. The
 * optional `institutional_id` claim is the person's institutional id (SCIPER at EPFL), the traveller id of their trips.
 */
export function identityFromClaims(claims: { sub: string; email?: unknown; name?: unknown; preferred_username?: unknown; institutional_id?: unknown }): TokenIdentity {
  const email = text(claims.email) ?? null;
  return {
    subject: claims.sub,
    email,
    displayName: text(claims.name) ?? text(claims.preferred_username) ?? email ?? claims.sub,
    institutionalId: institutionalId(claims.institutional_id),
  };
}
