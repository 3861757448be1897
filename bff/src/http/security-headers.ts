// Headers on every response: CSP (own origin + the registry's remote origins), HSTS on https, nosniff,
// Referrer-Policy, framing and opener isolation. No CORS headers are ever sent (one origin).
import type { RequestHandler } from 'express';
import type { BffConfig } from '../config.js';

/** Origins of absolute `entry` URLs of the registry (same-origin entries need nothing). */
export function remoteOrigins(registry: BffConfig['registry'], publicOrigin: string): string[] {
  const origins = registry.remotes.map((r) => (URL.canParse(r.entry) ? new URL(r.entry).origin : publicOrigin));
  return [...new Set(origins)].filter((o) => o !== publicOrigin && o !== 'null');
}

export function contentSecurityPolicy(config: Pick<BffConfig, 'registry' | 'publicOrigin' | 'oidc'>): string {
  const remotes = remoteOrigins(config.registry, config.publicOrigin).join(' ');
  const self = (extra = remotes) => `'self'${extra ? ` ${extra}` : ''}`;
  return [
    `default-src ${self()}`,
    `script-src ${self()}`,
    // Quasar and Vue transitions set style attributes; no inline script is allowed.
    `style-src ${self()} 'unsafe-inline'`,
    `img-src ${self()} data:`,
    `font-src ${self()} data:`,
    `connect-src ${self()}`,
    `worker-src ${self()}`,
    // The logout form may be answered with a redirect to the provider's end-session page.
    `form-action 'self' ${new URL(config.oidc.issuer).origin}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(config: BffConfig): RequestHandler {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(config),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(config.publicOrigin.startsWith('https:') ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
  const entries = Object.entries(headers);
  return (_req, res, next) => {
    for (const [name, value] of entries) res.setHeader(name, value);
    next();
  };
}
