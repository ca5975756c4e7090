import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mirrorInstance } from "@/lib/mirror/registry";
import { readMetricsEnv } from "@/lib/metrics/metrics-env";
import { isoSeconds } from "@/lib/model/iso-time";
import { startMetricsRig, type MetricsRig } from "@/lib/testing/metrics-rig";
import { metricsRefusal } from "./metrics-endpoint";
import { GET as oncall } from "./routes/oncall";
import { GET as stats } from "./routes/stats";

// GET /metrics: who may scrape it, what it says (the same numbers /api/stats and /api/oncall
// answer from the same sync), and that Prometheus's own checker accepts it.

const APPS = [1500000001, 1500000002];
/** Debian's promtool where it is installed (apt-get install prometheus), or PROMTOOL_PATH. */
const PROMTOOL = [process.env.PROMTOOL_PATH, "/usr/bin/promtool"].find((path): path is string => Boolean(path && existsSync(path)));

let rig: MetricsRig;
const scrape = (headers?: Record<string, string>, from?: string) => rig.scrape(headers, from);

/** The value of one sample, by name and labels, from the text format. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const line = text.split("\n").find((row) => row.startsWith(`${name}{`) && wanted.every((pair) => row.includes(pair)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(" ") + 1));
}

beforeAll(async () => {
  rig = await startMetricsRig(APPS);
}, 120_000);

afterAll(() => rig.close());

describe("who may scrape /metrics", () => {
  it("without METRICS_TOKEN: loopback only", () => {
    expect(metricsRefusal(undefined, "127.0.0.1", undefined)).toBeUndefined();
    expect(metricsRefusal(undefined, "::1", undefined)).toBeUndefined();
    expect(metricsRefusal(undefined, "::ffff:127.0.0.1", undefined)).toBeUndefined();
    expect(metricsRefusal(undefined, "10.0.0.1", undefined)).toMatchObject({ code: "Forbidden", status: 403 });
    // Relayed by a proxy on this machine: from anywhere.
    expect(metricsRefusal(undefined, "127.0.0.1", undefined, true)).toMatchObject({ code: "Forbidden", status: 403 });
  });

  it("with METRICS_TOKEN: the bearer of it, from anywhere", () => {
    const token = "a-token-of-sixteen-or-more";
    expect(metricsRefusal(`Bearer ${token}`, "10.0.0.1", token)).toBeUndefined();
    for (const header of [undefined, "", `Bearer ${token}x`, `Basic ${token}`, "Bearer", `bearer ${token.slice(1)}`]) {
      const refusal = metricsRefusal(header, "127.0.0.1", token);
      expect(refusal).toMatchObject({ code: "Unauthenticated", status: 401 });
      expect(refusal?.message).not.toContain(token);
    }
  });

  it("over HTTP: a loopback scrape is answered, one relayed by a proxy is not", async () => {
    expect((await scrape()).status).toBe(200);
    expect((await scrape({ "x-forwarded-for": "203.0.113.9" })).status).toBe(403);
    expect((await scrape({ "x-auth-request-email": "alice@example.com" })).status).toBe(403);
  });

  it("METRICS_TOKEN and ALERT_QUERY are checked at start, naming the variable", () => {
    expect(() => readMetricsEnv({ METRICS_TOKEN: "short" }, APPS)).toThrow(/^Invalid configuration: METRICS_TOKEN /);
    expect(() => readMetricsEnv({ METRICS_TOKEN: "short" }, APPS)).not.toThrow(/short/);
    expect(() => readMetricsEnv({ ALERT_QUERY: "waitSlo=forever" }, APPS)).toThrow(/ALERT_QUERY waitSlo/);
    expect(readMetricsEnv({ ALERT_QUERY: "waitSlo=2m&failRate=20" }, APPS).oncall).toMatchObject({ waitSlo: 120, failRate: 20 });
  });
});

describe("GET /metrics", () => {
  let text: string;
  /** The last scrape, with the counters and histograms filled by the test that makes tasks end. */
  let latest: string;

  beforeAll(async () => {
    const answer = await scrape();
    expect(answer.status).toBe(200);
    expect(answer.type).toContain("text/plain");
    text = answer.body;
    latest = text;
  });

  it("has the gauges of every app, equal to /api/stats and /api/oncall at the same sync", async () => {
    for (const id of APPS) {
      const counts = (await (await stats(new Request(`http://dashboard.test/api/stats?subAppId=${id}`))).json()) as { byStatus: Record<string, number> };
      for (const [status, count] of Object.entries(counts.byStatus)) {
        const summed = text.split("\n").filter((row) => row.startsWith("vod_tasks{") && row.includes(`sub_app_id="${id}"`) && row.includes(`status="${status}"`))
          .reduce((total, row) => total + Number(row.slice(row.lastIndexOf(" ") + 1)), 0);
        expect(summed, `${id} ${status}`).toBe(count);
      }
      const app = ((await (await oncall(new Request(`http://dashboard.test/api/oncall?subAppId=${id}`))).json()) as { apps: { state: string; tiles: { oldestWaitingSeconds: number | null } }[] }).apps[0];
      expect(sample(text, "vod_oncall_state", { sub_app_id: String(id) })).toBe({ green: 0, amber: 1, red: 2 }[app.state]);
      expect(Math.abs(sample(text, "vod_task_oldest_age_seconds", { sub_app_id: String(id), status: "WAITING" })! - (app.tiles.oldestWaitingSeconds ?? 0))).toBeLessThanOrEqual(1);
      expect(sample(text, "vod_mirror_last_sync_timestamp_seconds", { sub_app_id: String(id) })).toBeGreaterThan(Date.now() / 1_000 - 600);
    }
    expect(sample(text, "vod_upstream_requests_total", { action: "DescribeTasks", outcome: "ok" })).toBeGreaterThan(0);
  });

  it("counts and observes each task that ended between two scrapes once, as /api/stats counts that FinishTime window", async () => {
    const syncedUpTo = (id: number) => isoSeconds(Date.parse(mirrorInstance(id).health().syncedAt!));
    const before = APPS.map(syncedUpTo);
    const total = (body: string, id: number) => body.split("\n").filter((row) => row.startsWith("vod_tasks_finished_total{") && row.includes(`sub_app_id="${id}"`))
      .reduce((sum, row) => sum + Number(row.slice(row.lastIndexOf(" ") + 1)), 0);
    const counted = APPS.map((id) => total(text, id));
    // Sync until some task of each app has ended since the first scrape (the emulator ends one every few seconds).
    const endedSince = async (id: number, i: number) => {
      const { byStatus } = (await (await stats(new Request(`http://dashboard.test/api/stats?subAppId=${id}&finishedAfter=${before[i]}&finishedBefore=${syncedUpTo(id)}`))).json()) as { byStatus: Record<string, number> };
      return byStatus.FINISH + byStatus.ABORTED;
    };
    // Each app ends a task every few seconds on average, and sometimes none for a minute: allow three.
    for (let round = 0; round < 180; round++) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      for (const id of APPS) await mirrorInstance(id).sync();
      if ((await Promise.all(APPS.map(endedSince))).every((count) => count > 0)) break;
    }
    const after = APPS.map(syncedUpTo);
    // A finished task is counted once its outcome is known: the outcome worker's lookups, as the server runs them.
    for (const [i, id] of APPS.entries()) await mirrorInstance(id).lookUpOutcomes(Date.parse(before[i]));
    const next = (await scrape()).body;
    latest = next;
    const histogramCount = (body: string, name: string, id: number) => body.split("\n")
      .filter((row) => row.startsWith(`${name}_count{`) && row.includes(`sub_app_id="${id}"`))
      .reduce((sum, row) => sum + Number(row.slice(row.lastIndexOf(" ") + 1)), 0);
    for (const [i, id] of APPS.entries()) {
      const window = `finishedAfter=${before[i]}&finishedBefore=${after[i]}&subAppId=${id}`;
      const { byStatus, durations } = (await (await stats(new Request(`http://dashboard.test/api/stats?${window}`))).json()) as
        { byStatus: Record<string, number>; durations: { type: string; wait: { count: number }; run: { count: number } }[] };
      expect(byStatus.FINISH + byStatus.ABORTED, window).toBeGreaterThan(0);
      expect(total(next, id) - counted[i], window).toBe(byStatus.FINISH + byStatus.ABORTED);
      // By outcome: success or failed, as the lookups said; none left unknown.
      const outcomes = new Set(next.split("\n").filter((row) => row.startsWith("vod_tasks_finished_total{") && row.includes(`sub_app_id="${id}"`)).map((row) => /outcome="(\w+)"/.exec(row)?.[1]));
      expect([...outcomes].filter((outcome) => outcome !== "success" && outcome !== "failed"), window).toEqual([]);
      // Observed in the same scrape as counted: each ended task's wait, and each FINISH task's run.
      const all = durations.find((group) => group.type === "all");
      expect(histogramCount(next, "vod_task_wait_seconds", id) - histogramCount(text, "vod_task_wait_seconds", id), window).toBe(all?.wait.count ?? 0);
      expect(histogramCount(next, "vod_task_run_seconds", id) - histogramCount(text, "vod_task_run_seconds", id), window).toBe(all?.run.count ?? 0);
    }
  }, 240_000);

  it("the example rules and Grafana dashboard ask only for metrics /metrics has", async () => {
    const { readFileSync } = await import("node:fs");
    const names = new Set([...text.matchAll(/^# TYPE (\w+) /gm)].map((match) => match[1]));
    const dashboard = JSON.parse(readFileSync("docs/grafana-dashboard.json", "utf8")) as { panels: { targets: { expr: string }[] }[] };
    const exprs = [...dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.expr)),
      ...[...readFileSync("docs/prometheus-rules.yml", "utf8").matchAll(/expr: (.+)/g)].map((match) => match[1])];
    const used = new Set(exprs.flatMap((expr) => [...expr.matchAll(/\bvod_\w+/g)].map((match) => match[0])));
    expect([...used].filter((name) => !names.has(name))).toEqual([]);
    expect(used.size).toBeGreaterThanOrEqual(5);
  });

  it.skipIf(!PROMTOOL)("the example alert rules pass promtool check rules", () => {
    const checked = spawnSync(PROMTOOL!, ["check", "rules", "docs/prometheus-rules.yml"], { encoding: "utf8" });
    expect(checked.status, checked.stderr + checked.stdout).toBe(0);
  });

  it.skipIf(!PROMTOOL)("passes promtool check metrics", () => {
    expect(latest).toMatch(/^vod_task_run_seconds_bucket\{/m);
    const checked = spawnSync(PROMTOOL!, ["check", "metrics"], { input: latest, encoding: "utf8" });
    expect(checked.stderr + checked.stdout).toBe("");
    expect(checked.status).toBe(0);
  });
});
