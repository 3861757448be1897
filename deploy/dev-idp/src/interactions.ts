// Login interaction routes (devInteractions is disabled): GET shows the login page, POST checks the
// password of a demo account and finishes the interaction. Consent is granted by loadExistingGrant.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { authenticate } from './accounts.js';
import { escapeHtml, loginPage, page } from './views.js';

const MAX_FORM_BYTES = 16 * 1024;
const INTERACTION_PATH = /^\/interaction\/([A-Za-z0-9_-]+)(\/login|\/abort)?$/;

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) throw new Error('form too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

/** Handles `/interaction/...` requests; returns false when the request is not an interaction route. */
export async function handleInteraction(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const { pathname } = new URL(req.url ?? '/', 'http://dev-idp');
  const match = INTERACTION_PATH.exec(pathname);
  if (!match) return false;
  const [, uid, action] = match;
  try {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    const clientId = String(details.params.client_id ?? '');
    const loginAction = `/interaction/${details.uid}/login`;

    if (req.method === 'GET' && !action) {
      sendHtml(res, 200, loginPage({ action: loginAction, clientId }));
    } else if (req.method === 'POST' && action === '/login') {
      const form = await readForm(req);
      const login = form.get('login') ?? '';
      const account = authenticate(login, form.get('password') ?? '');
      if (!account) {
        sendHtml(res, 400, loginPage({ action: loginAction, clientId, login, error: 'Wrong login or password. The password of a demo account is its login.' }));
      } else {
        await provider.interactionFinished(req, res, { login: { accountId: account.login } }, { mergeWithLastSubmission: false });
      }
    } else if (action === '/abort') {
      await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'sign-in cancelled' }, { mergeWithLastSubmission: false });
    } else {
      sendHtml(res, 405, page('Method not allowed', '<h1>Method not allowed</h1>'));
    }
  } catch (error) {
    if (!res.headersSent) {
      const message = error instanceof Error ? error.message : String(error);
      sendHtml(res, 400, page('Sign-in expired', `<h1>Sign-in expired</h1><p>${escapeHtml(message)}</p><p>Go back to the application and sign in again.</p>`));
    }
  }
  return true;
}
