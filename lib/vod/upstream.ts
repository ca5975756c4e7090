import "server-only";
import { serverEnv } from "@/lib/config/server-env";
import { logEvent } from "@/lib/log";
import { createGateway, type Gateway, type MediaInfoGateway } from "./gateway";
import { type AnswerRecorder, recordingGateway } from "./recording-gateway";
import { createRequestBudget, type RequestBudget } from "./request-budget";
import { createSdkSender } from "./sdk-sender";
import type { SharedAnswers } from "./shared-answers";
import { type SharedLimiter, withSharedLimiter } from "./shared-budget";

let gateway: Gateway | undefined;
let mediaInfos: MediaInfoGateway | undefined;
let budget: RequestBudget | undefined;
let recorder: AnswerRecorder | undefined;

/** Every answer the process's gateway reads from now on is told to `next` (the task store's writer). */
export function recordUpstreamAnswers(next: AnswerRecorder | undefined): void {
  recorder = next;
}

let sharedLimiter: SharedLimiter | undefined;
let sharedAnswers: SharedAnswers | undefined;

/** From now on the gateway shares its answers with the other replicas (lib/replicas/). */
export function shareUpstreamAnswers(answers: SharedAnswers | undefined): void {
  sharedAnswers = answers;
}

/** From now on every upstream request also takes a slot of the budget all replicas share (lib/replicas/). */
export function shareUpstreamBudget(limiter: SharedLimiter | undefined): void {
  sharedLimiter = limiter;
}

/** The process's one budget of upstream requests, shared by every caller (and by every replica, once shared). */
export function upstreamBudget(): RequestBudget {
  budget ??= withSharedLimiter(createRequestBudget(serverEnv().maxRps), () => sharedLimiter);
  return budget;
}

/** The process's one gateway: one SDK client, one budget, one set of shared answers, one recorder. */
export function upstream(): Gateway {
  if (!gateway) {
    const env = serverEnv();
    const created = createGateway({ send: createSdkSender(env), budget: upstreamBudget(), sharedAnswers: () => sharedAnswers });
    mediaInfos = created;
    gateway = recordingGateway(created, () => recorder);
    // One line per process: the test of the production server counts them.
    logEvent("info", "upstream client ready", { mode: env.mode, endpoint: env.endpoint.host, maxRps: env.maxRps });
  }
  return gateway;
}

/** DescribeMediaInfos through the same client, budget and retries (none of it is recorded); undefined for a test's gateway without it. */
export function upstreamMediaInfos(): MediaInfoGateway | undefined {
  upstream();
  return mediaInfos;
}

/** For tests: replaces the process's gateway. */
export function setUpstreamForTests(replacement: Gateway | undefined): void {
  gateway = replacement;
  mediaInfos = replacement && "describeMediaInfos" in replacement ? (replacement as Gateway & MediaInfoGateway) : undefined;
}
