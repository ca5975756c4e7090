import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Who an upstream call is for. The edge runs each request as its client (its address now, its
 * identity once signed in); the mirror's syncs and lookups run as the system, whose share of the
 * budget no client can take. The gateway's budget reads it from here, so nothing in between has to
 * pass it along.
 */
export interface Caller {
  key: string;
  /** The system's own work: it may use the reserved share of the budget. */
  reserved: boolean;
  /**
   * Work that may use only what nobody else wants (the outcome backfill beyond its share): served
   * when no other request waits, never into the headroom kept for newcomers, and refused when it
   * has waited `maxWaitMs`.
   */
  idle?: boolean;
  /** The longest this caller waits for a slot, whatever the deadline. */
  maxWaitMs?: number;
}

export const SYSTEM: Caller = { key: "system", reserved: true };
/** The outcome backfill beyond its configured share: idle budget only, yielding to everyone. */
export const BACKFILL: Caller = { key: "backfill", reserved: false, idle: true, maxWaitMs: 2_000 };
/** Work started outside any request or system task (tests, scripts): a client like any other. */
const UNATTRIBUTED: Caller = { key: "unattributed", reserved: false };

const storage = new AsyncLocalStorage<Caller>();

export function clientCaller(key: string): Caller {
  return { key: `client:${key}`, reserved: false };
}

/** Runs `work` (and everything it starts) as `caller`. */
export function runAs<T>(caller: Caller, work: () => T): T {
  return storage.run(caller, work);
}

export function currentCaller(): Caller {
  return storage.getStore() ?? UNATTRIBUTED;
}
