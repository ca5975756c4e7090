import type { AuthMode } from "@/lib/auth/auth-env";
import { logEvent } from "@/lib/log";

/**
 * The interface to listen on (undefined: every one, IPv4 and IPv6, like `next start`). Safe by
 * default: with live credentials and no sign-in, only this machine may reach the account's tasks,
 * unless HOST says otherwise, which is then logged as the explicit choice it is.
 */
export function listenHost(host: string | undefined, upstreamMode: "emulator" | "live", auth: AuthMode): string | undefined {
  const open = auth === "none" && upstreamMode === "live";
  if (host === undefined && open) {
    logEvent("warn", "live credentials and DASHBOARD_AUTH unset: listening on 127.0.0.1 only; set DASHBOARD_AUTH (or HOST) to serve others");
    console.log("Live credentials without sign-in: listening on 127.0.0.1 only (set DASHBOARD_AUTH, or HOST=0.0.0.0 to choose otherwise).");
    return "127.0.0.1";
  }
  if (host !== undefined && open && !["127.0.0.1", "::1", "localhost"].includes(host)) {
    logEvent("warn", "live credentials without sign-in on a non-loopback HOST: anyone who reaches it sees every task", { host });
  }
  return host;
}
