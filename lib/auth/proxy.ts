import { plainAddress, type AddressSet } from "./cidr";

/**
 * `proxy` sign-in: the identity an authenticating proxy (oauth2-proxy, an ingress) put in its
 * header, believed only when the connection comes from one of DASHBOARD_TRUSTED_PROXIES. From any
 * other address the header is ignored: anyone can send it.
 */
export function identityFromProxy(headerValue: string | string[] | undefined, remoteAddress: string, trusted: AddressSet): string | undefined {
  if (!trusted.has(plainAddress(remoteAddress))) return undefined;
  // Node joins a repeated header with ", "; a proxy sets it once, so two values are not believed.
  if (typeof headerValue !== "string") return undefined;
  const name = headerValue.trim();
  return name && name.length <= 320 && !name.includes(",") && /^[\x21-\x7e]+$/.test(name) ? name : undefined;
}
