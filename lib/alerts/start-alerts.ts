import "server-only";
import type { AlertEnv } from "@/lib/config/alert-env";
import { logEvent } from "@/lib/log";
import { getOncall } from "@/lib/oncall/get-oncall";
import { refreshMs } from "@/lib/model/refresh";
import { runAs, SYSTEM } from "@/lib/vod/caller";
import { createDelivery, type DeliveryOptions } from "./deliver";
import { createStateWatcher } from "./state-watcher";

/** How often the server judges the on-call state when ALERT_QUERY's refresh is off. */
const DEFAULT_CHECK_MS = 10_000;

export interface AlertsOptions {
  alerts: AlertEnv;
  subAppIds: readonly number[];
  /** The dashboard's public URL: alerts link to its /oncall. */
  dashboardUrl: URL;
  delivery?: DeliveryOptions;
  checkEveryMs?: number;
  /**
   * Whether this process tells the receivers: of several replicas only the collector does, so a
   * change is told once. Every replica follows the state, so a new collector does not repeat one.
   */
  mayAnnounce?: () => boolean;
}

/**
 * The server's own on-call screen: every refresh interval it reads the on-call state with the
 * alerts' thresholds (which keeps the mirrors syncing whether or not anyone watches) and tells
 * the receivers of every change. Runs as the system, on the budget's reserved share.
 */
export function startAlerts(options: AlertsOptions) {
  const { alerts } = options;
  const delivery = createDelivery(alerts.receivers, options.delivery);
  const linkFor = (subAppId: number | null) => {
    const params = new URLSearchParams(alerts.queryString);
    if (subAppId !== null) params.set("subAppId", String(subAppId));
    const url = new URL("/oncall", options.dashboardUrl);
    url.search = params.toString();
    return url.href;
  };
  const watcher = createStateWatcher({
    evaluate: () => runAs(SYSTEM, () => getOncall(alerts.query, options.subAppIds)),
    announce: (event) => {
      if (options.mayAnnounce?.() !== false) delivery.send(event);
    },
    linkFor,
  });
  const everyMs = options.checkEveryMs ?? refreshMs(alerts.query.refresh) ?? DEFAULT_CHECK_MS;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const loop = async () => {
    await watcher.check();
    if (!stopped) timer = setTimeout(loop, everyMs);
  };
  void loop();
  logEvent("info", "alerts on", { receivers: alerts.receivers.map((receiver) => receiver.kind), everyMs });
  return {
    delivery,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
