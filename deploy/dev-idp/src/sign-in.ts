// Test helper: performs the real authorization-code + PKCE flow against the provider over HTTP
// (discovery, login form, code exchange) and returns the tokens.
import { createHash, randomBytes } from 'node:crypto';
import { CookieJar } from './cookie-jar.js';
import { SCOPES } from './configuration.js';

export interface SignInOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  login: string;
  /** Defaults to the login (password of the demo accounts). */
  password?: string;
  /** Resource indicator (audience of the access token); the provider's default audience when omitted. */
  resource?: string;
}

export interface TokenSet {
  accessToken: string;
  idToken: string;
  refreshToken: string;
  expiresIn: number;
}

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const b64url = (buf: Buffer) => buf.toString('base64url');

async function discover(issuer: string): Promise<Discovery> {
  const res = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!res.ok) throw new Error(`dev-idp sign-in: discovery failed with HTTP ${res.status}`);
  return (await res.json()) as Discovery;
}

/** Follows redirects until a page is returned or the provider redirects to `redirectUri`. */
async function follow(jar: CookieJar, start: Response, startUrl: string, redirectUri: string): Promise<{ url: string; response?: Response }> {
  let response = start;
  let url = startUrl;
  for (let hops = 0; REDIRECTS.has(response.status); hops += 1) {
    if (hops > 10) throw new Error('dev-idp sign-in: too many redirects');
    url = new URL(response.headers.get('location') ?? '', url).toString();
    if (url.startsWith(redirectUri)) return { url };
    response = await jar.fetch(url);
  }
  return { url, response };
}

function clientAuth(clientId: string, clientSecret: string): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`;
}

async function tokenRequest(endpoint: string, clientId: string, clientSecret: string, body: Record<string, string>): Promise<TokenSet> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { authorization: clientAuth(clientId, clientSecret), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`dev-idp sign-in: token endpoint answered ${res.status} ${JSON.stringify(json)}`);
  return {
    accessToken: String(json.access_token),
    idToken: String(json.id_token),
    refreshToken: String(json.refresh_token),
    expiresIn: Number(json.expires_in),
  };
}

export async function signInWithPassword(options: SignInOptions): Promise<TokenSet> {
  const { issuer, clientId, clientSecret, redirectUri, login } = options;
  const metadata = await discover(issuer);
  const jar = new CookieJar();
  const verifier = b64url(randomBytes(32));
  const state = b64url(randomBytes(16));
  const authUrl = new URL(metadata.authorization_endpoint);
  for (const [key, value] of Object.entries({
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: SCOPES.join(' '),
    code_challenge: b64url(createHash('sha256').update(verifier).digest()),
    code_challenge_method: 'S256',
    state,
    nonce: b64url(randomBytes(16)),
    ...(options.resource ? { resource: options.resource } : {}),
  })) {
    authUrl.searchParams.set(key, value);
  }

  const loginPage = await follow(jar, await jar.fetch(authUrl), authUrl.toString(), redirectUri);
  if (!loginPage.response) throw new Error('dev-idp sign-in: expected the login page, got redirected to the client');
  const html = await loginPage.response.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`dev-idp sign-in: no login form (HTTP ${loginPage.response.status})`);
  const formUrl = new URL(action.replace(/&#38;/g, '&'), loginPage.url).toString();
  const posted = await jar.fetch(formUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login, password: options.password ?? login }),
  });
  const done = await follow(jar, posted, formUrl, redirectUri);
  if (done.response) throw new Error(`dev-idp sign-in: credentials refused for "${login}" (HTTP ${done.response.status})`);

  const callback = new URL(done.url);
  const error = callback.searchParams.get('error');
  if (error) throw new Error(`dev-idp sign-in: ${error} ${callback.searchParams.get('error_description') ?? ''}`.trim());
  if (callback.searchParams.get('state') !== state) throw new Error('dev-idp sign-in: state mismatch');
  return tokenRequest(metadata.token_endpoint, clientId, clientSecret, {
    grant_type: 'authorization_code',
    code: callback.searchParams.get('code') ?? '',
    redirect_uri: redirectUri,
    code_verifier: verifier,
  });
}

/** Exchanges a refresh token for new tokens (refresh_token grant). */
export async function refreshTokens(options: { issuer: string; clientId: string; clientSecret: string; refreshToken: string }): Promise<TokenSet> {
  const metadata = await discover(options.issuer);
  return tokenRequest(metadata.token_endpoint, options.clientId, options.clientSecret, {
    grant_type: 'refresh_token',
    refresh_token: options.refreshToken,
  });
}
