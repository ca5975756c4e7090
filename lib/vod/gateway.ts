import { LRUCache } from "lru-cache";
import type { z } from "zod";
import { logEvent } from "@/lib/log";
import { countUpstreamAttempt } from "@/lib/metrics/registry";
import type { DescribeMediaInfosRequest, DescribeTaskDetailRequest, DescribeTasksRequest, VodAction } from "./wire";
import { budgetRefused, type RequestBudget } from "./request-budget";
import { currentCaller, runAs } from "./caller";
import type { SharedAnswers } from "./shared-answers";
import { describeMediaInfosShape, describeTaskDetailShape, describeTasksShape, type UpstreamMediaInfos, type UpstreamTaskDetail, type UpstreamTaskPage } from "./response-shapes";
import { classifyUpstreamFailure, toApiError, type UpstreamFailure } from "./upstream-failure";
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
  /** Answers shared with other replicas, asked before upstream for any answer that may be kept. */
  sharedAnswers?: () => SharedAnswers | undefined;
}

export interface CallOptions<T = unknown> {
  /** Overrides the gateway's cacheTtlMs for this answer (0: do not keep it), or decides it from the answer. */
  maxAgeMs?: number | ((answer: T) => number);
  /**
   * For a person waiting on the answer: once an attempt has failed, this caller gets the failure
   * at the latest this long after the call began (a caller joining a call that has been failing
   * for longer is told at once), while the call goes on retrying behind it (until the gateway's
   * deadline; a later success is kept for the next caller as usual). An upstream that is only
   * slow, not failing, is still waited for.
   */
  answerWithinMs?: number;
}

/** A call in flight, shared by every caller of the same request. */
interface Flight {
  promise: Promise<unknown>;
  startedAt: number;
  /** A call started after a failed one gives its first attempt this long before repeating the old failure. */
  notBefore: number;
  /** The latest failed attempt, while the call retries. */
  failure: UpstreamFailure | null;
  /** Told of every failed attempt. */
  onFailure: Set<() => void>;
  /** Started by an idle caller (caller.ts): refused by the budget whenever anyone else waits. */
  idle: boolean;
}

export interface Gateway {
  describeTasks(request: DescribeTasksRequest, options?: CallOptions<UpstreamTaskPage>): Promise<UpstreamTaskPage>;
  describeTaskDetail(request: DescribeTaskDetailRequest, options?: CallOptions<UpstreamTaskDetail>): Promise<UpstreamTaskDetail>;
}

/**
 * DescribeMediaInfos, apart from the Gateway the task routes and the mirror use: only the file-name
 * cache (media-name-cache.ts) asks it, and it keeps the answers itself.
 */
export interface MediaInfoGateway {
  describeMediaInfos(request: DescribeMediaInfosRequest, options?: CallOptions<UpstreamMediaInfos>): Promise<UpstreamMediaInfos>;
}

/** How long a call that follows a failed one waits for its first attempt before repeating the failure. */
const FRESH_ATTEMPT_GRACE_MS = 250;

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

/** Whom a call is for, as a log line may say it: `system` (the mirrors), `backfill`, `client` (never which client). */
const callerKind = () => currentCaller().key.split(":")[0];

/**
 * The one way to the upstream. Identical requests in flight share one call and its answer is
 * kept briefly, so many viewers of one view cost one call; every call spends the shared budget;
 * retryable failures are retried with jittered backoff inside a deadline; every attempt is logged.
 */
export function createGateway(options: GatewayOptions): Gateway & MediaInfoGateway & { kept(): { answers: number; bytes: number } } {
  const now = options.now ?? Date.now;
  const cacheTtlMs = options.cacheTtlMs ?? 1_000;
  const attemptTimeoutMs = options.attemptTimeoutMs ?? 5_000;
  const deadlineMs = options.deadlineMs ?? 15_000;
  const inFlight = new Map<string, Flight>();
  // Bounded by weight and by age: an answer leaves when it expires (purged every second), or
  // earlier when newer ones need the room, so no mix of requests can grow it.
  const answers = new LRUCache<string, object>({ maxSize: options.cacheMaxBytes ?? CACHE_MAX_BYTES, sizeCalculation: answerWeight, ttl: cacheTtlMs, ttlResolution: 0, perf: { now } });
  // The last failure of each request, for as long as a call may last: a person asking again right
  // after a call failed for good is told at once while a new call retries behind the answer.
  const recentFailures = new LRUCache<string, { failure: UpstreamFailure; startedAt: number }>({ max: 1_000, ttl: deadlineMs });
  const purge = setInterval(() => answers.purgeStale(), 1_000);
  purge.unref?.();

  async function attemptOnce(action: VodAction, request: object, shape: z.ZodType, deadline: number, attempt: number, flight: Flight) {
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
      logEvent("info", "upstream call", { action, attempt, durationMs: durationMs(), outcome: "ok", requestId, for: callerKind() });
      countUpstreamAttempt(action, "ok");
      return parsed.data;
    } catch (error) {
      const failure = error instanceof AttemptFailed ? error.failure : undefined;
      logEvent("warn", "upstream call", { action, attempt, durationMs: durationMs(), outcome: failure?.kind ?? "error",
        code: failure?.upstreamCode, requestId: failure?.requestId, for: callerKind() });
      countUpstreamAttempt(action, failure?.kind ?? "error");
      if (failure) {
        flight.failure = failure;
        for (const tell of flight.onFailure) tell();
      }
      throw error;
    } finally {
      clearTimeout(timer);
      release();
    }
  }

  async function callWithRetries(action: VodAction, request: object, shape: z.ZodType, flight: Flight): Promise<unknown> {
    const deadline = now() + deadlineMs;
    try {
      return await withRetries((attempt) => attemptOnce(action, request, shape, deadline, attempt, flight), {
        deadline,
        policy: options.retryPolicy ?? DEFAULT_RETRY_POLICY,
        now,
      });
    } catch (error) {
      throw error instanceof AttemptFailed ? toApiError(error.failure) : error;
    }
  }

  /**
   * The call, unless another replica's fresh answer to the same request is shared (never for a
   * caller that wants upstream's answer of now, maxAgeMs 0); an answer that may be kept is shared.
   * Where the shared answers can, identical requests on several replicas make one call: the
   * others wait (briefly, bounded by the store) for its answer; a failed attempt gives the claim up.
   */
  async function callShared<T>(key: string, fresh: boolean, flight: Flight, callUpstream: () => Promise<T>, ttlOf: (value: T) => number): Promise<{ value: T; ttl: number }> {
    const shared = fresh ? undefined : options.sharedAnswers?.();
    const kept = await (shared?.getOrClaim ? shared.getOrClaim(key) : shared?.get(key));
    if (kept) return { value: kept.value as T, ttl: kept.ttlMs };
    const release = () => shared?.release?.(key);
    flight.onFailure.add(release);
    try {
      const value = await callUpstream();
      const ttl = ttlOf(value);
      if (shared && ttl > 0) shared.put(key, value, ttl);
      else release();
      return { value, ttl };
    } catch (error) {
      release();
      throw error;
    } finally {
      flight.onFailure.delete(release);
    }
  }

  function remember(key: string, value: unknown, ttl: number) {
    if (ttl > 0) answers.set(key, value as object, { ttl });
  }

  /**
   * The flight's answer, or, once one of its attempts has failed and `withinMs` has passed since
   * the flight began, that failure (the flight itself goes on).
   */
  function answerInTime<T>(flight: Flight, withinMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = () => {
        clearTimeout(timer);
        flight.onFailure.delete(check);
      };
      const giveUp = () => {
        done();
        const error = toApiError(flight.failure!);
        reject(Object.assign(error, { message: `${error.message} Still retrying.` }));
      };
      function check() {
        if (!flight.failure || timer) return;
        const left = Math.max(withinMs - (Date.now() - flight.startedAt), flight.notBefore - Date.now());
        if (left <= 0) giveUp();
        else timer = setTimeout(giveUp, left);
      }
      flight.onFailure.add(check);
      check();
      flight.promise.then((value) => { done(); resolve(value as T); }, (error: unknown) => { done(); reject(error); });
    });
  }

  function call<T>(action: VodAction, request: object, shape: z.ZodType, callOptions: CallOptions<T> = {}, rejoined = false): Promise<T> {
    const key = `${action} ${JSON.stringify(request)}`;
    const cached = answers.get(key);
    if (cached) return Promise.resolve(cached as T);
    const caller = currentCaller();
    let flight = inFlight.get(key);
    if (!flight) {
      const recent = recentFailures.get(key);
      const started: Flight = { promise: Promise.resolve(), startedAt: recent?.startedAt ?? Date.now(),
        notBefore: recent ? Date.now() + FRESH_ATTEMPT_GRACE_MS : 0, failure: recent?.failure ?? null, onFailure: new Set(), idle: caller.idle === true };
      const maxAge = callOptions.maxAgeMs ?? cacheTtlMs;
      started.promise = (callShared(key, maxAge === 0, started, () => callWithRetries(action, request, shape, started) as Promise<T>, (value) => (typeof maxAge === "function" ? maxAge(value) : maxAge)))
        .then(({ value, ttl }) => {
          recentFailures.delete(key);
          remember(key, value, ttl);
          return value;
        }, (error: unknown) => {
          if (started.failure) recentFailures.set(key, { failure: started.failure, startedAt: started.startedAt });
          throw error;
        })
        .finally(() => inFlight.delete(key));
      // A caller that gave up early no longer listens: the flight's own failure must not go unhandled.
      started.promise.catch(() => undefined);
      inFlight.set(key, started);
      flight = started;
    }
    const answer = callOptions.answerWithinMs === undefined ? (flight.promise as Promise<T>) : answerInTime<T>(flight, callOptions.answerWithinMs);
    // Someone who joined an idle caller's call does not inherit its refusal (idle calls are refused
    // whenever anyone else waits, this caller included): it asks again, as itself, once.
    if (!flight.idle || caller.idle || rejoined) return answer;
    return answer.catch((error: unknown) => budgetRefused(error) ? runAs(caller, () => call(action, request, shape, callOptions, true)) : Promise.reject(error));
  }

  return {
    /** What the shared answers hold now: bounded by cacheMaxBytes, and empty of expired ones. */
    kept: () => ({ answers: answers.size, bytes: answers.calculatedSize }),
    describeTasks: (request, callOptions) => call("DescribeTasks", request, describeTasksShape, callOptions),
    describeTaskDetail: (request, callOptions) => call("DescribeTaskDetail", request, describeTaskDetailShape, callOptions),
    describeMediaInfos: (request, callOptions) => call("DescribeMediaInfos", request, describeMediaInfosShape, callOptions),
  };
}

/** How long a person waits for a failing upstream before being told, while the server goes on retrying. */
export const ANSWER_FAILING_WITHIN_MS = 1_000;

/**
 * The gateway as a person's request uses it (the list route, the page's render): a failing
 * upstream is reported within `withinMs` of asking instead of after every retry, and the retries
 * go on behind the answer. The mirror's syncs use the gateway as it is and wait for the end.
 */
export function answeringWithin(gateway: Gateway, withinMs = ANSWER_FAILING_WITHIN_MS): Gateway {
  return {
    describeTasks: (request, options) => gateway.describeTasks(request, { answerWithinMs: withinMs, ...options }),
    describeTaskDetail: (request, options) => gateway.describeTaskDetail(request, { answerWithinMs: withinMs, ...options }),
  };
}
