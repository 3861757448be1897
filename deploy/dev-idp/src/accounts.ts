// Demo accounts of the development provider (password = login). See docs/architecture.md.
export interface DemoAccount {
  login: string;
  name: string;
  email: string;
  /** The person's institutional id (SCIPER at EPFL): the traveller id of their trips, a headcount member's id. */
  institutionalId?: string;
  roles: string[];
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { login: 'principal', name: 'Paula Principal', email: 'principal@demo.example', institutionalId: '100001', roles: ['user.principal@unit:LAB-CARBON'] },
  { login: 'member', name: 'Max Member', email: 'member@demo.example', institutionalId: '100002', roles: ['user.standard@unit:LAB-CARBON'] },
  { login: 'reporter', name: 'Rita Reporter', email: 'reporter@demo.example', roles: ['backoffice.metier@affiliation:ENV'] },
  { login: 'admin', name: 'Ada Admin', email: 'admin@demo.example', roles: ['backoffice.admin@global'] },
];

export function findDemoAccount(login: string): DemoAccount | undefined {
  return DEMO_ACCOUNTS.find((account) => account.login === login);
}

/** Returns the account when the password matches (password = login), otherwise undefined. */
export function authenticate(login: string, password: string): DemoAccount | undefined {
  const account = findDemoAccount(login.trim());
  return account && password === account.login ? account : undefined;
}

/** The claims put into ID tokens and JWT access tokens. */
export function accountClaims(account: DemoAccount): { sub: string; name: string; email: string; email_verified: boolean; roles: string[]; institutional_id?: string } {
  const claims = { sub: account.login, name: account.name, email: account.email, email_verified: true, roles: [...account.roles] };
  return account.institutionalId ? { ...claims, institutional_id: account.institutionalId } : claims;
}
