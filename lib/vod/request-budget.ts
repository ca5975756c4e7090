import { ApiError } from "@/lib/api/errors";
import { currentCaller, type Caller } from "./caller";

/** The budget's own refusal (RateLimited with no upstream code): nothing reached upstream. */
export function budgetRefused(error: unknown): boolean {
  return error instanceof ApiError && error.code === "RateLimited" && error.upstreamCode === undefined;
}

/** Call when the upstream request has finished, successfully or not. */
export type ReleaseSlot = () => void;

export interface RequestBudget {
  /**
   * Waits for a slot for the current caller (caller.ts). Refuses at once with RateLimited when the
   * caller already has its fill of requests waiting, or when its queue cannot be served before
   * `deadline` (epoch ms); and later if the deadline passes anyway.
   */
  take(deadline: number): Promise<ReleaseSlot>;
  /** How many requests of this client are waiting for a slot: the edge refuses more at once. */
  waitingFor(callerKey: string): number;
  readonly maxPerSecond: number;
  /** Requests one client may have waiting; more are refused at once. */
  readonly maxWaitingPerClient: number;
}

export interface BudgetOptions {
  windowMs?: number;
  now?: () => number;
  /** The share of the budget kept for the system (syncs, lookups): clients together never use it. */
  reservedShare?: number;
  /** Requests one client may have waiting; more are refused at once. */
  maxWaitingPerClient?: number;
  /**
   * The most of the clients' share one client may use in a window, so that a client arriving
   * while another floods finds a slot at once instead of after the flood's window runs out.
   */
  maxClientShare?: number;
  /** The share the system leaves to waiting clients, so that a fill of the whole window cannot starve the viewers. */
  clientFloorShare?: number;
  /**
   * The share of a window idle callers (caller.ts `idle`) never take, so that a viewer or a sync
   * arriving while they backfill finds a slot at once instead of a window later.
   */
  idleHeadroomShare?: number;
}

interface Waiter {
  grant: (release: ReleaseSlot) => void;
  refuse: (error: ApiError) => void;
}

/**
 * At most `maxPerSecond` upstream requests in any one-second window, shared by every caller in the
 * process. A slot is held while its request is in flight and for one window after it finished:
 * upstream saw the request before it answered, so however uneven the network latency, upstream
 * never counts more than `maxPerSecond` in a second.
 *
 * Fair: the system's waiters go first, and clients together never use the reserved share; while
 * clients wait, the system leaves them a floor (a fill cannot starve the viewers); among
 * clients, slots go round the clients that are waiting, one each in turn, so one client's flood
 * waits behind everyone else's single requests instead of in front of them. Idle callers (the
 * outcome backfill beyond its share) get what is left: a slot only while nobody else waits (and
 * a refusal at once when someone does), never the last `idleHeadroomShare` of a window, so an
 * arriving viewer finds one at once.
 */
export function createRequestBudget(maxPerSecond: number, options: BudgetOptions = {}): RequestBudget {
  const windowMs = options.windowMs ?? 1_000;
  const now = options.now ?? Date.now;
  const reserved = Math.ceil(maxPerSecond * (options.reservedShare ?? 0.3));
  const clientCap = Math.max(1, maxPerSecond - reserved);
  const maxWaitingPerClient = options.maxWaitingPerClient ?? 8;
  const perClientCap = Math.max(1, Math.floor(clientCap * (options.maxClientShare ?? 0.5)));
  // While clients wait, the system (a fill of the whole window, say) leaves them this much.
  const systemCapWhileClientsWait = Math.max(1, maxPerSecond - Math.max(1, Math.floor(maxPerSecond * (options.clientFloorShare ?? 0.3))));
  // Idle callers stop short of this, and only while nobody else waits.
  const idleCap = Math.max(1, maxPerSecond - Math.max(1, Math.ceil(maxPerSecond * (options.idleHeadroomShare ?? 0.2))));
  const used = { all: window(), clients: window(), system: window(), idle: window() };
  const usedBy = new Map<string, ReturnType<typeof window>>();
  const system: Waiter[] = [];
  const idle: Waiter[] = [];
  const clients = new Map<string, Waiter[]>();
  let wakeUp: ReturnType<typeof setTimeout> | undefined;

  function window() {
    let inFlight = 0;
    const finishedAt: number[] = [];
    return {
      start: () => inFlight++,
      finish: () => {
        inFlight--;
        finishedAt.push(now());
      },
      count(t: number) {
        while (finishedAt.length && finishedAt[0] + windowMs <= t) finishedAt.shift();
        return inFlight + finishedAt.length;
      },
      nextFreeAt: () => (finishedAt.length ? finishedAt[0] + windowMs : undefined),
    };
  }

  const refusal = (why: string, waitMs: number) => new ApiError("RateLimited", why, { retryAfterSeconds: Math.max(1, waitMs / 1000) });

  function clientWindow(key: string) {
    let own = usedBy.get(key);
    if (!own) usedBy.set(key, (own = window()));
    return own;
  }

  /** `clientKey` undefined: the system's; null: an idle caller's. */
  function grant(waiter: Waiter, clientKey: string | undefined | null): void {
    used.all.start();
    const own = clientKey === undefined ? used.system : clientKey === null ? used.idle : clientWindow(clientKey);
    own.start();
    if (typeof clientKey === "string") used.clients.start();
    waiter.grant(once(() => {
      used.all.finish();
      own.finish();
      if (typeof clientKey === "string") used.clients.finish();
      serve();
    }));
  }

  /**
   * The next client in turn that is under its own cap: the one waiting longest since it was last
   * served goes first. Returns its key, or undefined when every waiting client is at its cap.
   */
  function nextClient(t: number): { key: string; waiter: Waiter } | undefined {
    for (const [key, queue] of clients) {
      if (clientWindow(key).count(t) >= perClientCap) continue;
      clients.delete(key);
      const waiter = queue.shift()!;
      if (queue.length) clients.set(key, queue);
      return { key, waiter };
    }
    return undefined;
  }

  /** Forgets clients that neither wait nor hold a slot in the window, so the map stays small. */
  function forgetIdle(t: number): void {
    for (const [key, own] of usedBy) if (own.count(t) === 0 && !clients.has(key)) usedBy.delete(key);
  }

  function serve(): void {
    const t = now();
    while (used.all.count(t) < maxPerSecond) {
      if (system.length && (clients.size === 0 || used.system.count(t) < systemCapWhileClientsWait)) {
        grant(system.shift()!, undefined);
        continue;
      }
      const next = clients.size && used.clients.count(t) < clientCap ? nextClient(t) : undefined;
      if (!next) break;
      grant(next.waiter, next.key);
    }
    // What nobody else wants: only while no one else waits, and never into the headroom. Once
    // someone else waits, idle callers are refused at once rather than queue behind them.
    if (system.length > 0 || clients.size > 0) {
      for (const waiter of idle.splice(0)) waiter.refuse(refusal("Idle budget only, and others are waiting.", windowMs));
    }
    while (idle.length && used.all.count(t) < idleCap) grant(idle.shift()!, null);
    if (usedBy.size > clients.size + 64) forgetIdle(t);
    const waiting = system.length > 0 || clients.size > 0 || idle.length > 0;
    const ownFreeAt = [...clients.keys()].map((key) => clientWindow(key).nextFreeAt() ?? Infinity);
    const freeAt = Math.min(used.all.nextFreeAt() ?? Infinity, used.clients.nextFreeAt() ?? Infinity, used.system.nextFreeAt() ?? Infinity, ...ownFreeAt);
    if (waiting && Number.isFinite(freeAt) && !wakeUp) {
      wakeUp = setTimeout(() => {
        wakeUp = undefined;
        serve();
      }, Math.max(1, freeAt - t));
    }
  }

  function enqueue(caller: Caller, deadline: number): Promise<ReleaseSlot> {
    return new Promise<ReleaseSlot>((grantSlot, refuse) => {
      const isClient = !caller.reserved && !caller.idle;
      const queue = caller.reserved ? system : caller.idle ? idle : (clients.get(caller.key) ?? []);
      const entry: Waiter = { grant: grantSlot, refuse };
      queue.push(entry);
      if (isClient && queue.length === 1) clients.set(caller.key, queue);
      if (caller.maxWaitMs !== undefined) deadline = Math.min(deadline, now() + caller.maxWaitMs);
      serve();
      if (!queue.includes(entry) || !Number.isFinite(deadline)) return;
      const timer = setTimeout(() => {
        const index = queue.indexOf(entry);
        if (index < 0) return;
        queue.splice(index, 1);
        if (isClient && queue.length === 0) clients.delete(caller.key);
        refuse(refusal(`The dashboard's upstream budget of ${maxPerSecond} requests per second is spent; try again shortly.`, windowMs));
      }, Math.max(0, deadline - now()));
      entry.grant = (release) => {
        clearTimeout(timer);
        grantSlot(release);
      };
      entry.refuse = (error) => {
        clearTimeout(timer);
        refuse(error);
      };
    });
  }

  return {
    maxPerSecond,
    maxWaitingPerClient,
    waitingFor: (key) => clients.get(key)?.length ?? 0,
    take(deadline) {
      const caller = currentCaller();
      const t = now();
      if (caller.idle) return enqueue(caller, deadline);
      if (caller.reserved) {
        const expectedWaitMs = ((system.length + Math.max(0, used.all.count(t) + 1 - maxPerSecond)) / maxPerSecond) * windowMs;
        if (used.all.count(t) >= maxPerSecond && t + expectedWaitMs > deadline) {
          return Promise.reject(refusal(`The dashboard's upstream budget of ${maxPerSecond} requests per second is spent; try again shortly.`, expectedWaitMs));
        }
        return enqueue(caller, deadline);
      }
      const ahead = clients.get(caller.key)?.length ?? 0;
      if (ahead >= maxWaitingPerClient) {
        return Promise.reject(refusal("This client's share of the dashboard's upstream budget is spent; try again shortly.", windowMs));
      }
      // Each of this client's places in its queue waits for one turn of every waiting client.
      const turns = (ahead + 1) * Math.max(1, clients.size + (ahead === 0 ? 1 : 0));
      const rate = Math.min(clientCap, perClientCap * Math.max(1, clients.size));
      const expectedWaitMs = ((turns + Math.max(0, used.clients.count(t) - clientCap)) / rate) * windowMs;
      if (used.clients.count(t) >= clientCap && t + expectedWaitMs > deadline) {
        return Promise.reject(refusal("This client's share of the dashboard's upstream budget is spent; try again shortly.", expectedWaitMs));
      }
      return enqueue(caller, deadline);
    },
  };
}

function once(fn: () => void): () => void {
  let called = false;
  return () => {
    if (!called) {
      called = true;
      fn();
    }
  };
}
