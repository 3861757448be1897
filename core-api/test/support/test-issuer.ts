// A real, minimal OIDC issuer for HTTP tests: discovery document + JWKS over HTTP, tokens signed with jose.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

export interface MintOptions {
  audience?: string;
  issuer?: string;
  /** Seconds from now; negative = already expired. */
  expiresIn?: number;
  /** Sign with a key the issuer does not publish. */
  foreignKey?: boolean;
}

export interface TestIssuer {
  issuer: string;
  audience: string;
  hits: { discovery: number; jwks: number };
  mint(claims: JWTPayload & { sub: string }, options?: MintOptions): Promise<string>;
  close(): Promise<void>;
}

export async function startTestIssuer(audience = 'urn:co2:core-api'): Promise<TestIssuer> {
  const key = await generateKeyPair('RS256');
  const foreign = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(key.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const hits = { discovery: 0, jwks: 0 };
  let issuer = '';
  const server: Server = createServer((req, res) => {
    const send = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.url === '/.well-known/openid-configuration') {
      hits.discovery += 1;
      send({ issuer, jwks_uri: `${issuer}/jwks`, id_token_signing_alg_values_supported: ['RS256'] });
    } else if (req.url === '/jwks') {
      hits.jwks += 1;
      send({ keys: [jwk] });
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    audience,
    hits,
    async mint(claims, options = {}) {
      const signer: CryptoKey = options.foreignKey ? foreign.privateKey : key.privateKey;
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'at+jwt' })
        .setIssuer(options.issuer ?? issuer)
        .setAudience(options.audience ?? audience)
        .setIssuedAt(now - 60)
        .setExpirationTime(now + (options.expiresIn ?? 300))
        .sign(signer);
    },
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
