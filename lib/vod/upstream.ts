import "server-only";
import { serverEnv } from "@/lib/config/server-env";
import { redactFromLogs } from "@/lib/log";
import { createGateway, type Gateway } from "./gateway";
import { createRequestBudget } from "./request-budget";
import { createSdkSender } from "./sdk-sender";

const KEY = Symbol.for("vod-dashboard.gateway");
type Holder = { [KEY]?: Gateway };

/**
 * The process's one gateway. Kept on globalThis because Next.js may evaluate this module once per
 * route bundle, and the budget and the shared answers only work if every route uses the same one.
 */
export function upstream(): Gateway {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const env = serverEnv();
    redactFromLogs(env.credential.secretKey);
    redactFromLogs(env.credential.token);
    holder[KEY] = createGateway({ send: createSdkSender(env), budget: createRequestBudget(env.maxRps) });
  }
  return holder[KEY];
}

/** For tests: replaces the process's gateway. */
export function setUpstreamForTests(gateway: Gateway | undefined): void {
  (globalThis as Holder)[KEY] = gateway;
}
