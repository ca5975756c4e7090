import "server-only";
import { requireIdentity } from "@/lib/auth/identity";
import { jsonOk } from "@/lib/api/respond";
import type { SignedIn } from "@/lib/model/signed-in";
import { PROXY_SIGN_OUT } from "../sign-in";
import { withRoute } from "../with-route";

/**
 * GET /api/me: who the page is signed in as, and where it signs out; `identity` null without a
 * sign-in mode. The page shows it in its header.
 */
export const GET = withRoute(async () => {
  const identity = requireIdentity();
  const answer: SignedIn = identity.via === "none"
    ? { identity: null, mode: "none", signOut: null }
    : { identity: identity.name, mode: identity.via, signOut: identity.via === "proxy" ? PROXY_SIGN_OUT : "/auth/sign-out" };
  return jsonOk(answer);
});
