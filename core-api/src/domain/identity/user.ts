/** A person known from access tokens. */
export interface User {
  id: string;
  subject: string;
  email: string | null;
  displayName: string;
}

/** What the access token says about the person. */
export interface TokenIdentity {
  subject: string;
  email: string | null;
  displayName: string;
}
