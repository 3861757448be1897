// Signing keys of the development provider. Persisted to a file when asked, so that restarting the
// provider keeps already issued tokens verifiable.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { JsonWebKey } from 'node:crypto';

export interface ProviderKeys {
  /** Private signing JWKS (RS256). */
  jwks: { keys: JsonWebKey[] };
  /** Keys signing the provider's own cookies. */
  cookieKeys: string[];
}

function generateKeys(): ProviderKeys {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  return {
    jwks: { keys: [{ ...jwk, kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' }] },
    cookieKeys: [randomBytes(32).toString('base64url')],
  };
}

function isProviderKeys(value: unknown): value is ProviderKeys {
  const v = value as Partial<ProviderKeys> | null;
  return Array.isArray(v?.jwks?.keys) && v.jwks.keys.length > 0 && Array.isArray(v.cookieKeys) && v.cookieKeys.length > 0;
}

/** Loads the keys from `keysFile` (creating it on first use) or generates ephemeral ones. */
export function loadOrCreateKeys(keysFile?: string): ProviderKeys {
  if (!keysFile) return generateKeys();
  if (existsSync(keysFile)) {
    const stored: unknown = JSON.parse(readFileSync(keysFile, 'utf8'));
    if (!isProviderKeys(stored)) throw new Error(`dev-idp: ${keysFile} is not a keys file written by the dev-idp`);
    return stored;
  }
  const keys = generateKeys();
  mkdirSync(path.dirname(keysFile), { recursive: true });
  writeFileSync(keysFile, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}
