// Plain, accessible HTML pages of the development provider: no external fonts, styles or scripts.
import { DEMO_ACCOUNTS } from './accounts.js';

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
label{display:block;margin-top:1rem;font-weight:600}input{font:inherit;padding:.4rem;width:100%;box-sizing:border-box}
button{font:inherit;margin-top:1rem;padding:.5rem 1.2rem}[role=alert]{color:#a00000;border:1px solid #a00000;padding:.5rem}
table{border-collapse:collapse;margin-top:.5rem}th,td{text-align:left;padding:.2rem .8rem .2rem 0}code{font-size:1rem}`;

export function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>
${body}
</main></body>
</html>`;
}

export interface LoginPageOptions {
  action: string;
  clientId: string;
  login?: string;
  error?: string;
}

export function loginPage({ action, clientId, login = '', error }: LoginPageOptions): string {
  const rows = DEMO_ACCOUNTS.map(
    (a) => `<tr><td><code>${escapeHtml(a.login)}</code></td><td>${escapeHtml(a.name)}</td><td>${a.roles.map(escapeHtml).join(', ')}</td></tr>`,
  ).join('\n');
  const alert = error ? `<p role="alert" id="login-error">${escapeHtml(error)}</p>` : '';
  const describedBy = error ? ' aria-describedby="login-error" aria-invalid="true"' : '';
  return page(
    'Sign in — development provider',
    `<h1>Sign in</h1>
<p>Development identity provider for <strong>${escapeHtml(clientId)}</strong>. Not for production use.</p>
${alert}
<form method="post" action="${escapeHtml(action)}">
<label for="login">Login</label>
<input id="login" name="login" type="text" autocomplete="username" required autofocus value="${escapeHtml(login)}"${describedBy}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${describedBy}>
<button type="submit">Sign in</button>
</form>
<h2 id="demo-accounts">Demo accounts</h2>
<p>The password of every demo account is its login (for example <code>principal</code> / <code>principal</code>).</p>
<table aria-labelledby="demo-accounts">
<thead><tr><th scope="col">Login</th><th scope="col">Name</th><th scope="col">Roles</th></tr></thead>
<tbody>
${rows}
</tbody></table>`,
  );
}

/** RP-initiated logout confirmation; submits itself so that signing out from the portal is one step. */
export function logoutPage(form: string): string {
  return page(
    'Sign out — development provider',
    `<h1>Sign out</h1>
${form}
<p>Signing you out of the development provider…</p>
<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Sign out</button>
<script>document.getElementById('op.logoutForm').insertAdjacentHTML('beforeend','<input type="hidden" name="logout" value="yes">');document.getElementById('op.logoutForm').submit();</script>`,
  );
}

export function postLogoutPage(): string {
  return page('Signed out — development provider', '<h1>Signed out</h1><p>You are signed out of the development provider.</p>');
}

export function errorPage(out: Record<string, unknown>): string {
  const items = Object.entries(out)
    .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');
  return page('Error — development provider', `<h1>Something went wrong</h1><dl>${items}</dl>`);
}
