import { readServerEnv } from "@/lib/config/server-env";
import { pageAll } from "@/lib/mirror/page-all";
import { createGateway } from "@/lib/vod/gateway";
import { createRequestBudget } from "@/lib/vod/request-budget";
import { createSdkSender } from "@/lib/vod/sdk-sender";
import { upstreamTimeMs } from "@/lib/vod/normalize-task";

/** A second key of the emulator's, for the tests' own reads: upstream's limit is per key, so they cost the dashboards nothing. */
export const COUNTING_KEY = { id: "AKIDcounting", secret: "counting-secret" } as const;

/**
 * The emulator's truth about one app's 72 hours: every task's CreateTime (epoch ms), read page by
 * page with the counting key, at a gentle pace.
 */
export async function emulatorCreateTimes(emulatorUrl: string, subAppId: number): Promise<number[]> {
  const env = readServerEnv({ VOD_ENDPOINT: emulatorUrl, TENCENTCLOUD_SECRET_ID: COUNTING_KEY.id, TENCENTCLOUD_SECRET_KEY: COUNTING_KEY.secret, VOD_MAX_RPS: "40" });
  const gateway = createGateway({ send: createSdkSender(env), budget: createRequestBudget(env.maxRps) });
  const times: number[] = [];
  await pageAll(gateway, { SubAppId: subAppId }, (tasks) => {
    for (const task of tasks) {
      const ms = upstreamTimeMs(task.CreateTime);
      if (ms !== null) times.push(ms);
    }
  }, { calls: 0 });
  return times;
}

/**
 * A whole-second boundary near `ms` (searching in `direction`) at which no task was created, so a
 * count between two of them does not depend on whether a filter's ends are inclusive.
 */
export function clearBoundary(times: ReadonlySet<number>, ms: number, direction: 1 | -1): number {
  let second = Math.floor(ms / 1_000) * 1_000;
  while (times.has(second)) second += direction * 1_000;
  return second;
}
