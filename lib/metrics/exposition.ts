import { Registry, type Metric } from "prom-client";
import type { AppScope } from "@/lib/auth/access";

/** One collected metric as prom-client hands it out: name, help, type and its samples with their labels. */
export type CollectedMetric = Awaited<ReturnType<Registry["getMetricsAsJSON"]>>[number];
type Sample = CollectedMetric["values"][number];

/** The label that says which app a series is about. */
export const APP_LABEL = "sub_app_id";

/**
 * Whether a caller of `scope` may see a sample. A sample with a `sub_app_id` label is about that
 * app: shown only for an app of the scope (`default`, the account's default app when VOD_SUBAPP_IDS
 * is unset, only to a scope of every app). A sample without one is about this process and the
 * account's shared API budget (vod_upstream_requests_total by action and outcome): it names no app and
 * counts no app's tasks apart, so every caller sees it, as /api/health shows upstream's state to everyone signed in.
 */
export function sampleVisible(scope: AppScope, labels: Sample["labels"]): boolean {
  if (scope === "all") return true;
  const app = (labels as Record<string, string | number | undefined>)[APP_LABEL];
  if (app === undefined) return true;
  const id = typeof app === "number" ? app : /^\d{1,16}$/.test(app) ? Number(app) : undefined;
  return id !== undefined && scope.has(id);
}

/**
 * The text exposition of `registry` for a caller of `scope`: its metrics collected once (collect
 * hooks run in registration order, as `registry.metrics()` runs them), each metric's samples
 * filtered, then written by prom-client's own writer. The writer is a throwaway Registry holding
 * read-only views of what was collected: nothing is collected twice and no metric is registered
 * twice, so every caller reads the one collection path; a metric left with no sample still says its
 * HELP and TYPE, as an unobserved one does.
 */
export async function renderExposition(registry: Registry, scope: AppScope): Promise<string> {
  const collected = await registry.getMetricsAsJSON();
  const writer = new Registry();
  for (const metric of collected) {
    const values = metric.values.filter((sample) => sampleVisible(scope, sample.labels));
    const view = { name: metric.name, get: async () => ({ ...metric, values }) };
    // prom-client writes whatever has a name and a get() that answers like a metric's.
    writer.registerMetric(view as unknown as Metric);
  }
  return writer.metrics();
}
