import { LRUCache } from "lru-cache";
import type { z } from "zod";
import { logEvent } from "@/lib/log";
import { countUpstreamAttempt } from "@/lib/metrics/registry";
import type { DescribeTaskDetailRequest, DescribeTasksRequest, VodAction } from "./wire";
import type { RequestBudget } from "./request-budget";
import { describeTaskDetailShape, describeTasksShape, type UpstreamTaskDetail, type UpstreamTaskPage } from "./response-shapes";
import { classifyUpstreamFailure, toApiError } from "./upstream-failure";
import { AttemptFailed, DEFAULT_RETRY_POLICY, withRetries, type RetryPolicy } from "./with-retries";

/** Sends one signed request upstream; in production the official SDK. */
export type SendToUpstream = (action: VodAction, request: object, signal: AbortSignal) => Promise<unknown>;

export interface GatewayOptions {
  send: SendToUpstream;
  budget: RequestBudget;
  /** How long identical requests share one answer. */
  cacheTtlMs?: number;
  /** The most the kept answers may weigh, in (estimated) bytes. */
  cacheMaxBytes?: number;
  attemptTimeoutMs?: number;
  /** The longest a caller waits for an answer or an error, retries included. */
  deadlineMs?: number;
  retryPolicy?: RetryPolicy;
  now?: () => number;
}

export interface CallOptions<T = unknown> {
  /** Overrides the gateway's cacheTtlMs for this answer (0: do not keep it), or decides it from the answer. */
  maxAgeMs?: number | ((answer: T) => number);
}

export interface Gateway {
  describeTasks(request: DescribeTasksRequest, options?: CallOptions<UpstreamTaskPage>): Promise<UpstreamTaskPage>;
  describeTaskDetail(request: DescribeTaskDetailRequest, options?: CallOptions<UpstreamTaskDetail>): Promise<UpstreamTaskDetail>;
}

/** Kept answers, all together: enough for thousands of views' pages, small next to the mirror. */
const CACHE_MAX_BYTES = 32 * 1024 * 1024;

/**
 * What an answer costs to keep: its parsed JSON, and the normalised page and encoded body that
 * list-tasks.ts and respond.ts keep beside it for as long as it lives. Upstream's records are
 * about 400 bytes of JSON each; three copies of that, rounded up.
 */
function answerWeight(value: unknown): number {
  const tasks = (value as { TaskSet?: unknown[] }).TaskSet;
  return 2_048 + (Array.isArray(tasks) ? tasks.length * 1_600 : 8_192);
}

/**
 * The one way to the upstream. Identical requests in flight share one call and its answer is
 * kept briefly, so many viewers of one view cost one call; every call spends the shared budget;
 * retryable failures are retried with jittered backoff inside a deadline; every attempt is logged.
 */
export function createGateway(options: GatewayOptions): Gateway & { kept(): { answers: number; bytes: number } } {
  const now = options.now ?? Date.now;
  const cacheTtlMs = options.cacheTtlMs ?? 1_000;
  const attemptTimeoutMs = options.attemptTimeoutMs ?? 5_000;
  const deadlineMs = options.deadlineMs ?? 15_000;
  const inFlight = new Map<string, Promise<unknown>>();
  // Bounded by weight and by age: an answer leaves when it expires (purged every second), or
  // earlier when newer ones need the room, so no mix of requests can grow it.
  const answers = new LRUCache<string, object>({ maxSize: options.cacheMaxBytes ?? CACHE_MAX_BYTES, sizeCalculation: answerWeight, ttl: cacheTtlMs, ttlResolution: 0, perf: { now } });
  const purge = setInterval(() => answers.purgeStale(), 1_000);
  purge.unref?.();

  async function attemptOnce(action: VodAction, request: object, shape: z.ZodType, deadline: number, attempt: number) {
    // A slot that only frees up as the deadline ends would leave no time for the call itself.
    const release = await options.budget.take(deadline - Math.min(1_000, deadlineMs / 4));
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, Math.max(1, Math.min(attemptTimeoutMs, deadline - now())));
    const started = performance.now();
    const durationMs = () => Math.round((performance.now() - started) * 10) / 10;
    try {
      const raw = await options.send(action, request, controller.signal).catch((error: unknown) => {
        throw new AttemptFailed(classifyUpstreamFailure(error, timedOut));
      });
      const parsed = shape.safeParse(raw);
      if (!parsed.success) throw new AttemptFailed({ kind: "malformed", retryable: false, detail: "answer had the wrong shape" });
      const requestId = (parsed.data as { RequestId?: string }).RequestId;
      logEvent("info", "upstream call", { action, attempt, durationMs: durationMs(), outcome: "ok", requestId });
      countUpstreamAttempt(action, "ok");
      return parsed.data;
    } catch (error) {
      const failure = error instanceof AttemptFailed ? error.failure : undefined;
      logEvent("warn", "upstream call", { action, attempt, durationMs: durationMs(), outcome: failure?.kind ?? "error",
        code: failure?.upstreamCode, requestId: failure?.requestId });
      countUpstreamAttempt(action, failure?.kind ?? "error");
      throw error;
    } finally {
      clearTimeout(timer);
      release();
    }
  }

  async function callWithRetries(action: VodAction, request: object, shape: z.ZodType): Promise<unknown> {
    const deadline = now() + deadlineMs;
    try {
      return await withRetries((attempt) => attemptOnce(action, request, shape, deadline, attempt), {
        deadline,
        policy: options.retryPolicy ?? DEFAULT_RETRY_POLICY,
        now,
      });
    } catch (error) {
      throw error instanceof AttemptFailed ? toApiError(error.failure) : error;
    }
  }

  function remember(key: string, value: unknown, ttl: number) {
    if (ttl > 0) answers.set(key, value as object, { ttl });
  }

  function call<T>(action: VodAction, request: object, shape: z.ZodType, callOptions: CallOptions<T> = {}): Promise<T> {
    const key = `${action} ${JSON.stringify(request)}`;
    const cached = answers.get(key);
    if (cached) return Promise.resolve(cached as T);
    const pending = inFlight.get(key);
    if (pending) return pending as Promise<T>;
    const promise = (callWithRetries(action, request, shape) as Promise<T>)
      .then((value) => {
        const maxAge = callOptions.maxAgeMs ?? cacheTtlMs;
        remember(key, value, typeof maxAge === "function" ? maxAge(value) : maxAge);
        return value;
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, promise);
    return promise;
  }

  return {
    /** What the shared answers hold now: bounded by cacheMaxBytes, and empty of expired ones. */
    kept: () => ({ answers: answers.size, bytes: answers.calculatedSize }),
    describeTasks: (request, callOptions) => call("DescribeTasks", request, describeTasksShape, callOptions),
    describeTaskDetail: (request, callOptions) => call("DescribeTaskDetail", request, describeTaskDetailShape, callOptions),
  };
}
