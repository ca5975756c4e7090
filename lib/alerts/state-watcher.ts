import { logEvent } from "@/lib/log";
import type { OncallResponse, OncallState } from "@/lib/oncall/types";
import type { AlertEvent } from "./alert-event";

export interface StateWatcherOptions {
  /** The on-call view's answer now, judged with the alerts' thresholds. */
  evaluate: () => Promise<OncallResponse>;
  /** Where each event goes; must not block (delivery.ts queues). */
  announce: (event: AlertEvent) => void;
  /** The on-call link for an app. */
  linkFor: (subAppId: number | null) => string;
  now?: () => number;
}

/**
 * Remembers the last state announced per app and announces each change once: to red, to amber,
 * back to green. An app first seen green is not announced (nothing happened); first seen amber or
 * red, it is. An app whose first read is still under way is not judged yet.
 */
export function createStateWatcher(options: StateWatcherOptions) {
  const now = options.now ?? Date.now;
  const announced = new Map<number | null, OncallState>();

  return {
    /** One look: evaluates, announces what changed, and returns the events (for tests). */
    async check(): Promise<AlertEvent[]> {
      let answer: OncallResponse;
      try {
        answer = await options.evaluate();
      } catch (error) {
        // Nothing was ever read: no state to judge yet (the on-call view says the same).
        logEvent("warn", "alert check could not read the on-call state", { error: error instanceof Error ? error.message : String(error) });
        return [];
      }
      const events: AlertEvent[] = [];
      for (const app of answer.apps) {
        if (app.loading && !app.stale) continue;
        const previous = announced.get(app.subAppId) ?? null;
        if (previous === app.state || (previous === null && app.state === "green")) {
          announced.set(app.subAppId, app.state);
          continue;
        }
        announced.set(app.subAppId, app.state);
        const event: AlertEvent = {
          subAppId: app.subAppId,
          state: app.state,
          previous,
          reasons: app.state === "green" ? [] : app.reasons.map((reason) => reason.text),
          link: options.linkFor(app.subAppId),
          at: new Date(now()).toISOString(),
        };
        events.push(event);
        options.announce(event);
      }
      return events;
    },
  };
}
