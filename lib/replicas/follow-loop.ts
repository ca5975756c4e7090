import type { Mirror } from "@/lib/mirror/mirror";

export interface FollowLoopOptions {
  mirrors: () => Iterable<Mirror>;
  isCollector: () => boolean;
  /** A follower looks at the store this often even without a notification (a lost one, a lost connection). */
  pollMs?: number;
  /** Notifications come after every write batch: looks are at most this frequent. */
  settleMs?: number;
}

/**
 * Keeps a replica's mirrors current. A follower's mirrors read the store after each notified
 * write and every `pollMs` in any case; the collector's mirrors sync upstream every `pollMs` or
 * so whether or not its own viewers look, since the viewers of the followers read what it writes.
 */
export function startFollowLoop(options: FollowLoopOptions): { changed(stampMs: number): void; roleChanged(): void; stop(): void } {
  const pollMs = options.pollMs ?? 2_000;
  const settleMs = options.settleMs ?? 100;
  let pending: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> | undefined;
  let again = false;
  const look = () => {
    pending = undefined;
    // A write that lands during a look may have been missed by it: look once more afterwards.
    if (running) {
      again = true;
      return;
    }
    const mirrors = [...options.mirrors()];
    running = Promise.allSettled(mirrors.map((mirror) => (options.isCollector() ? mirror.refresh() : mirror.sync()))).finally(() => {
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
