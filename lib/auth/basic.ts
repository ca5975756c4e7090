import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { LRUCache } from "lru-cache";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { ApiError } from "@/lib/api/errors";
import type { Users } from "./users";

/**
 * Failed sign-ins an address may have in LOCKOUT_SECONDS before it is locked out for that long;
 * a user name, from all addresses together, more (a guesser with many addresses is slowed too,
 * without one stranger's typos locking a colleague out).
 */
export const FAILURES_BEFORE_LOCKOUT = 5;
export const NAME_FAILURES_BEFORE_LOCKOUT = 20;
export const LOCKOUT_SECONDS = 300;
/**
 * bcrypt checks run at once, all clients together: each costs tens of milliseconds of the CPU every
 * viewer shares, so guesses spread over many names and addresses wait their turn as a 429 instead.
 */
export const MAX_CONCURRENT_CHECKS = 4;
/** How long a checked name and password are believed without running bcrypt again. */
const VERIFIED_TTL_MS = 5 * 60_000;

export type BasicResult = { name: string } | "none" | "wrong";

/** `Authorization: Basic …` read into a name and password; undefined when absent or malformed. */
export function readBasicHeader(header: string | undefined): { name: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return undefined;
  return { name: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * `basic` sign-in: a name and password checked against DASHBOARD_USERS's bcrypt hashes. bcrypt's
 * own comparison runs in constant time, and an unknown name is checked against a stand-in hash of
 * the same cost, so the time taken says nothing about which names exist. The browser sends the
 * password with every request; bcrypt costs tens of milliseconds of the shared CPU, so a pair once
 * checked is remembered for a few minutes under an HMAC of it (never the password itself).
 * After too many failures from one address or for one name, further attempts are refused with a
 * 429 before any check, until LOCKOUT_SECONDS have passed; a browser already signed in with the
 * right password is not locked out by someone else's failures.
 */
export function createBasicVerifier(users: Users) {
  const key = randomBytes(32);
  const verified = new LRUCache<string, string>({ max: 10_000, ttl: VERIFIED_TTL_MS, updateAgeOnGet: true });
  const byAddress = new RateLimiterMemory({ points: FAILURES_BEFORE_LOCKOUT, duration: LOCKOUT_SECONDS, blockDuration: LOCKOUT_SECONDS });
  const byName = new RateLimiterMemory({ points: NAME_FAILURES_BEFORE_LOCKOUT, duration: LOCKOUT_SECONDS, blockDuration: LOCKOUT_SECONDS });
  const costs = [...users.values()].map((hash) => hash.slice(4, 6));
  const standIn = bcrypt.hashSync(randomBytes(16).toString("hex"), Number(costs[0] ?? 10));
  const checking = new Map<string, Promise<boolean>>();

  async function lockedOut(address: string, name: string): Promise<number | undefined> {
    const [addressState, nameState] = await Promise.all([byAddress.get(address), byName.get(name)]);
    const blocked = [[addressState, FAILURES_BEFORE_LOCKOUT], [nameState, NAME_FAILURES_BEFORE_LOCKOUT]] as const;
    const waits = blocked.filter(([state, limit]) => state && state.consumedPoints >= limit && state.msBeforeNext > 0).map(([state]) => state!.msBeforeNext);
    return waits.length ? Math.max(...waits) / 1_000 : undefined;
  }

  async function noteFailure(address: string, name: string): Promise<void> {
    // consume() rejects once the points are spent: that is the lockout starting, not an error.
    await Promise.all([byAddress.consume(address).catch(() => undefined), byName.consume(name).catch(() => undefined)]);
  }

  return {
    async verify(header: string | undefined, address: string): Promise<BasicResult> {
      const given = readBasicHeader(header);
      if (!given) return header ? "wrong" : "none";
      const pairKey = createHmac("sha256", key).update(given.name).update("\0").update(given.password).digest("base64");
      if (verified.get(pairKey) === given.name) return { name: given.name };
      const waitSeconds = await lockedOut(address, given.name);
      if (waitSeconds !== undefined) {
        throw new ApiError("RateLimited", "Too many failed sign-ins; try again later.", { retryAfterSeconds: waitSeconds });
      }
      // A browser sends the same pair on several requests at once: they share one check, and one failure.
      let check = checking.get(pairKey);
      if (!check) {
        if (checking.size >= MAX_CONCURRENT_CHECKS) {
          throw new ApiError("RateLimited", "Too many sign-ins are being checked at once; try again in a moment.", { retryAfterSeconds: 1 });
        }
        const hash = users.get(given.name);
        check = bcrypt.compare(given.password, hash ?? standIn).then(async (matches) => {
          if (matches && hash) {
            verified.set(pairKey, given.name);
            return true;
          }
          await noteFailure(address, given.name);
          return false;
        }).finally(() => checking.delete(pairKey));
        checking.set(pairKey, check);
      }
      return (await check) ? { name: given.name } : "wrong";
    },
  };
}

export type BasicVerifier = ReturnType<typeof createBasicVerifier>;
