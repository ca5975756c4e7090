import type { Mirror } from "@/lib/mirror/mirror";

export interface FollowLoopOptions {
  mirrors: () => Iterable<Mirror>;
  isCollector: () => boolean;
  /** Tells the collector which apps' mirrors viewers of this follower are looking at. */
  announceWatching?: (apps: string[]) => void;
  /** A follower looks at the store this often even without a notification (a lost one, a lost connection). */
  pollMs?: number;
  /** Notifications come after every write batch: looks are at most this frequent. */
  settleMs?: number;
  now?: () => number;
}

/** A mirror asked this recently counts as watched; a follower says so this often at most. */
const WATCHED_WITHIN_MS = 10_000;
const ANNOUNCE_EVERY_MS = 4_000;

export const appKey = (mirror: Mirror): string => String(mirror.subAppId ?? "default");

export interface FollowLoop {
  /** A store write stamped `stampMs` committed (LISTEN/NOTIFY). */
  changed(stampMs: number): void;
  /** Viewers of another replica are looking at these apps. */
  watched(apps: readonly string[]): void;
  roleChanged(): void;
  stop(): void;
}

/**
 * Keeps a replica's mirrors current. A follower's mirrors read the store after each notified
 * write and every `pollMs` in any case, and a follower whose viewers look tells the collector,
 * whose mirrors then sync as if its own viewers looked (every 5 s, stopping when nobody anywhere has
 * looked for a while). Unwatched, the collector's outcome worker keeps the mirrors synced as with one process.
 */
export function startFollowLoop(options: FollowLoopOptions): FollowLoop {
  const pollMs = options.pollMs ?? 2_000;
  const settleMs = options.settleMs ?? 100;
  const now = options.now ?? Date.now;
  let pending: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> | undefined;
  let again = false;
  let announcedAt = -Infinity;
  const announce = () => {
    const watched = [...options.mirrors()].filter((mirror) => now() - mirror.lastAskedAt < WATCHED_WITHIN_MS).map(appKey);
    if (watched.length === 0 || now() - announcedAt < ANNOUNCE_EVERY_MS) return;
    announcedAt = now();
    options.announceWatching?.(watched);
  };
  const look = () => {
    pending = undefined;
    if (options.isCollector()) return;
    announce();
    // A write that lands during a look may have been missed by it: look once more afterwards.
    if (running) {
      again = true;
      return;
    }
    running = Promise.allSettled([...options.mirrors()].map((mirror) => mirror.sync())).finally(() => {
      running = undefined;
      if (again) {
        again = false;
        look();
      }
    });
  };
  const timer = setInterval(look, pollMs);
  timer.unref?.();
  return {
    changed(stampMs) {
      if (options.isCollector()) return;
      for (const mirror of options.mirrors()) mirror.followBackTo(stampMs);
      if (pending) return;
      pending = setTimeout(look, settleMs);
      pending.unref?.();
    },
    watched(apps) {
      if (!options.isCollector()) return;
      for (const mirror of options.mirrors()) if (apps.includes(appKey(mirror))) void mirror.refresh();
    },
    // A new collector syncs at once: the running look (from the store) first, then upstream.
    roleChanged() {
      for (const mirror of options.mirrors()) void mirror.sync().finally(() => void mirror.sync());
    },
    stop() {
      clearInterval(timer);
      if (pending) clearTimeout(pending);
    },
  };
}
