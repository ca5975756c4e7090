import { isIP } from "node:net";

export interface HostPolicy {
  /** The dashboard's public URL: its host is always answered. */
  url: URL;
  /** Further host names answered, lower case. */
  allowedHosts: readonly string[];
}

/**
 * Whether a request's Host names this dashboard. A web page can point its own host name at
 * 127.0.0.1 (DNS rebinding) and read the answers as same-origin; its requests still carry that
 * host name, so only IP literals, loopback names and the names configured here are answered.
 * A request without a Host header comes from no browser and is answered.
 */
export function isAllowedHost(header: string | undefined, policy: HostPolicy): boolean {
  if (header === undefined) return true;
  const host = header.trim().toLowerCase();
  if (host.startsWith("[")) return /^\[[0-9a-f:.]+\](:\d{1,5})?$/.test(host) && isIP(host.slice(1, host.indexOf("]"))) === 6;
  const match = /^([a-z0-9.-]{1,253})(?::\d{1,5})?$/.exec(host);
  if (!match) return false;
  const name = match[1].replace(/\.$/, "");
  return isIP(name) === 4 || name === "localhost" || name.endsWith(".localhost")
    || name === policy.url.hostname.toLowerCase() || policy.allowedHosts.includes(name);
}
