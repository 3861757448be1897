// Drives the browser side of the sign-in over HTTP with a cookie jar: BFF → provider login form → BFF.
import { CookieJar } from '@co2/deploy/dev-idp';
import type { Harness } from './harness.js';

export const cookieName = 'co2.sid';

export interface SignedIn {
  jar: CookieJar;
  /** The session cookie value set by /auth/login (before sign-in). */
  preLoginCookie: string;
  /** Where the BFF sent the browser after the callback. */
  finalLocation: string;
  /** The Set-Cookie header of the callback response. */
  sessionSetCookie: string;
  /** The callback URL the provider sent the browser to (code + state). */
  callbackUrl: string;
}

export interface AtCallback {
  jar: CookieJar;
  preLoginCookie: string;
  callbackUrl: string;
}

const location = (res: Response, base: string) => new URL(res.headers.get('location') ?? '', base).toString();

/** Follows redirects with the jar until a non-redirect response or a URL `stop` accepts. */
export async function follow(jar: CookieJar, url: string, stop: (url: string) => boolean = () => false): Promise<{ url: string; response: Response }> {
  let current = url;
  let response = await jar.fetch(current);
  for (let hops = 0; response.status >= 300 && response.status < 400; hops += 1) {
    if (hops > 10) throw new Error('too many redirects');
    current = location(response, current);
    if (stop(current)) break;
    response = await jar.fetch(current);
  }
  return { url: current, response };
}

/** Starts sign-in at the BFF and signs in at the provider, stopping before the browser calls the callback. */
export async function reachCallback(h: Pick<Harness, 'origin'>, login: string, returnTo?: string, jar = new CookieJar()): Promise<AtCallback> {
  const loginUrl = `${h.origin}/auth/login${returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`}`;
  const start = await jar.fetch(loginUrl);
  if (start.status !== 302) throw new Error(`/auth/login answered ${start.status}`);
  const preLoginCookie = jar.get(h.origin, cookieName);
  if (!preLoginCookie) throw new Error('/auth/login set no session cookie');

  const page = await follow(jar, location(start, loginUrl));
  const html = await page.response.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no login form at ${page.url} (HTTP ${page.response.status})`);
  const formUrl = new URL(action, page.url).toString();
  const posted = await jar.fetch(formUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login, password: login }),
  });
  const toCallback = await follow(jar, location(posted, formUrl), (url) => url.startsWith(`${h.origin}/auth/callback`));
  if (!toCallback.url.startsWith(`${h.origin}/auth/callback`)) throw new Error(`sign-in did not reach the callback: ${toCallback.url}`);
  return { jar, preLoginCookie, callbackUrl: toCallback.url };
}

export async function signInThroughBff(h: Pick<Harness, 'origin'>, login: string, returnTo?: string): Promise<SignedIn> {
  const { jar, preLoginCookie, callbackUrl } = await reachCallback(h, login, returnTo);
  const callback = await jar.fetch(callbackUrl);
  // Read the body to the end: express-session sends the headers before its end-of-request save finishes.
  const body = await callback.text();
  if (callback.status !== 303) throw new Error(`callback answered ${callback.status}: ${body}`);
  return {
    jar,
    preLoginCookie,
    finalLocation: callback.headers.get('location') ?? '',
    sessionSetCookie: callback.headers.getSetCookie().find((c) => c.startsWith(`${cookieName}=`)) ?? '',
    callbackUrl,
  };
}
