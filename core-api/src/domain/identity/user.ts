/** A person known from access tokens. */
export interface User {
  id: string;
  subject: string;
  email: string | null;
  displayName: string;
  /** Institutional id (the traveller id of their trips, a headcount member's id); null when the token has none. */
  institutionalId: string | null;
}

/** What the access token says about the person. */
export interface TokenIdentity {
  subject: string;
  email: string | null;
  displayName: string;
  institutionalId: string | null;
}
