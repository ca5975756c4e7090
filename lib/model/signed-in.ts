/** GET /api/me: who the page is signed in as, and where it signs out. */
export interface SignedIn {
  /** null without a sign-in mode (DASHBOARD_AUTH=none). */
  identity: string | null;
  mode: "none" | "basic" | "oidc" | "proxy";
  /** The sign-out link, or null when there is nothing to sign out of. */
  signOut: string | null;
}
