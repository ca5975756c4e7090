/** GET /api/me: who the page is signed in as, and where it signs out. */
export interface SignedIn {
  /** null without a sign-in mode (DASHBOARD_AUTH=none). */
  identity: string | null;
  mode: "none" | "basic" | "oidc" | "proxy";
  /**
   * Where to sign out, or null when there is nothing to sign out of: `/auth/sign-out`, which the page
   * POSTs to (a form button), or under `proxy` the authenticating proxy's own link (`/oauth2/sign_out`).
   */
  signOut: string | null;
}
