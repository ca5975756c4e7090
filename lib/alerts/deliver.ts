import type { Receiver } from "@/lib/config/alert-env";
import { logEvent } from "@/lib/log";
import type { AlertEvent } from "./alert-event";
import { accepted, messageFor } from "./message-formats";

export interface DeliveryOptions {
  /** One attempt's limit: a receiver that hangs is given up on after this. */
  attemptTimeoutMs?: number;
  /** The first retry's pause, doubled for each next one up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  maxAttempts?: number;
  /** Messages one receiver may have waiting; beyond it the oldest is dropped (and logged). */
  maxQueued?: number;
}

/**
 * Sends each event to every receiver, in order per receiver, without ever making the caller
 * wait: each receiver has its own queue, so one that hangs or answers 500 delays only its own
 * messages. A refused attempt is retried with exponential backoff, up to maxAttempts.
 */
export function createDelivery(receivers: readonly Receiver[], options: DeliveryOptions = {}) {
  const attemptTimeoutMs = options.attemptTimeoutMs ?? 5_000;
  const backoffMs = options.backoffMs ?? 1_000;
  const maxBackoffMs = options.maxBackoffMs ?? 60_000;
  const maxAttempts = options.maxAttempts ?? 8;
  const maxQueued = options.maxQueued ?? 100;
  const queues = receivers.map((receiver, index) => ({ receiver, index: index + 1, waiting: [] as AlertEvent[], busy: false }));
  const pending = new Set<Promise<void>>();

  async function attempt(receiver: Receiver, event: AlertEvent): Promise<string | undefined> {
    try {
      const response = await fetch(receiver.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(messageFor(receiver.kind, event)),
        signal: AbortSignal.timeout(attemptTimeoutMs),
        redirect: "error",
      });
      const body = await response.text();
      return accepted(receiver.kind, response.status, body) ? undefined : `HTTP ${response.status}`;
    } catch (error) {
      return error instanceof Error && error.name === "TimeoutError" ? "timeout" : "network error";
    }
  }

  async function drain(queue: (typeof queues)[number]): Promise<void> {
    queue.busy = true;
    while (queue.waiting.length) {
      const event = queue.waiting[0];
      for (let tries = 1; ; tries++) {
        const failure = await attempt(queue.receiver, event);
        const fields = { receiver: queue.index, kind: queue.receiver.kind, subAppId: event.subAppId, state: event.state, attempt: tries };
        if (!failure) {
          logEvent("info", "alert sent", fields);
          break;
        }
        if (tries >= maxAttempts) {
          logEvent("error", "alert dropped after retries", { ...fields, failure });
          break;
        }
        const pauseMs = Math.min(maxBackoffMs, backoffMs * 2 ** (tries - 1));
        logEvent("warn", "alert not accepted; retrying", { ...fields, failure, retryInMs: pauseMs });
        await new Promise((resolve) => setTimeout(resolve, pauseMs).unref?.());
      }
      queue.waiting.shift();
    }
    queue.busy = false;
  }

  return {
    send(event: AlertEvent): void {
      for (const queue of queues) {
        queue.waiting.push(event);
        if (queue.waiting.length > maxQueued) {
          queue.waiting.splice(1, 1); // the oldest not yet being sent
          logEvent("warn", "alert queue full; oldest waiting message dropped", { receiver: queue.index, kind: queue.receiver.kind });
        }
        if (!queue.busy) {
          const run = drain(queue).finally(() => pending.delete(run));
          pending.add(run);
        }
      }
    },
    /** Resolves once every receiver's queue is empty (for tests and shutdown). */
    settled: async () => {
      while (pending.size) await Promise.all(pending);
    },
  };
}

export type Delivery = ReturnType<typeof createDelivery>;
