import "server-only";
import { requireIdentity } from "@/lib/auth/identity";
import { jsonOk } from "@/lib/api/respond";
import { PROXY_SIGN_OUT } from "../sign-in";
import { withRoute } from "../with-route";

/**
 * GET /api/me: who the page is signed in as, and where it signs out; `identity` null without a
 * sign-in mode. The page shows it in its header.
 */
export const GET = withRoute(async () => {
  const identity = requireIdentity();
  if (identity.via === "none") return jsonOk({ identity: null, mode: "none", signOut: null });
  return jsonOk({ identity: identity.name, mode: identity.via, signOut: identity.via === "proxy" ? PROXY_SIGN_OUT : "/auth/sign-out" });
});
