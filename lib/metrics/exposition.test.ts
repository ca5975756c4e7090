import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { renderExposition, sampleVisible } from "./exposition";

// What /metrics writes for a caller of some apps: the one collection, each metric's samples
// filtered by their sub_app_id label, written by prom-client's own writer.

const PROMTOOL = [process.env.PROMTOOL_PATH, "/usr/bin/promtool"].find((path): path is string => Boolean(path && existsSync(path)));
const MINE = 1500000001;
const OTHERS = 1500000002;

function sampleRegistry(): { registry: Registry; collects: () => number } {
  const registry = new Registry();
  let collected = 0;
  new Gauge({
    name: "t_tasks", help: "tasks", labelNames: ["sub_app_id", "task_type"] as const, registers: [registry],
    collect() {
      collected++;
      this.set({ sub_app_id: String(MINE), task_type: "Procedure" }, 3);
      this.set({ sub_app_id: String(OTHERS), task_type: "Procedure" }, 5);
      // A task type that reads like another label cannot smuggle another app in.
      this.set({ sub_app_id: String(MINE), task_type: `x",sub_app_id="${OTHERS}` }, 1);
      this.set({ sub_app_id: "default", task_type: "Procedure" }, 7);
    },
  });
  const wait = new Histogram({ name: "t_wait_seconds", help: "wait", labelNames: ["sub_app_id"] as const, buckets: [1, 10], registers: [registry] });
  wait.observe({ sub_app_id: String(MINE) }, 2);
  wait.observe({ sub_app_id: String(OTHERS) }, 20);
  const calls = new Counter({ name: "t_upstream_requests_total", help: "calls", labelNames: ["action", "outcome"] as const, registers: [registry] });
  calls.inc({ action: "DescribeTasks", outcome: "ok" }, 4);
  new Gauge({ name: "t_oncall_state", help: "state", labelNames: ["sub_app_id"] as const, registers: [registry] }).set({ sub_app_id: String(OTHERS) }, 2);
  return { registry, collects: () => collected };
}

describe("sampleVisible", () => {
  it.each([
    ["all", { sub_app_id: String(OTHERS) }, true],
    ["all", { sub_app_id: "default" }, true],
    [new Set([MINE]), { sub_app_id: String(MINE), le: "+Inf" }, true],
    [new Set([MINE]), { sub_app_id: MINE }, true],
    [new Set([MINE]), { sub_app_id: String(OTHERS) }, false],
    [new Set([MINE]), { sub_app_id: "default" }, false],
    [new Set([MINE]), { sub_app_id: "" }, false],
    [new Set([MINE]), { sub_app_id: ` ${MINE}` }, false],
    [new Set([MINE]), { action: "DescribeTasks", outcome: "ok" }, true],
    [new Set<number>(), { sub_app_id: String(MINE) }, false],
  ] as const)("%s may see %j: %s", (scope, labels, expected) => {
    expect(sampleVisible(scope, labels)).toBe(expected);
  });
});

describe("renderExposition", () => {
  it("for every app, writes exactly what the registry itself writes", async () => {
    const { registry } = sampleRegistry();
    expect(await renderExposition(registry, "all")).toBe(await registry.metrics());
  });

  it("for some apps, keeps their samples and those naming no app, and drops every other app's, histograms too", async () => {
    const { registry, collects } = sampleRegistry();
    const text = await renderExposition(registry, new Set([MINE]));
    expect(collects()).toBe(1);
    const samples = text.split("\n").filter((line) => line && !line.startsWith("#"));
    expect(samples).toEqual([
      `t_tasks{sub_app_id="${MINE}",task_type="Procedure"} 3`,
      `t_tasks{sub_app_id="${MINE}",task_type="x\\",sub_app_id=\\"${OTHERS}"} 1`,
      `t_wait_seconds_bucket{le="1",sub_app_id="${MINE}"} 0`,
      `t_wait_seconds_bucket{le="10",sub_app_id="${MINE}"} 1`,
      `t_wait_seconds_bucket{le="+Inf",sub_app_id="${MINE}"} 1`,
      `t_wait_seconds_sum{sub_app_id="${MINE}"} 2`,
      `t_wait_seconds_count{sub_app_id="${MINE}"} 1`,
      't_upstream_requests_total{action="DescribeTasks",outcome="ok"} 4',
    ]);
    // A metric left without samples still says what it is.
    expect(text).toContain("# TYPE t_oncall_state gauge");
    expect(text).not.toMatch(/^[^#].*sub_app_id="(1500000002|default)"/m);
  });

  it("for an app of none of the series, keeps only those naming no app", async () => {
    const { registry } = sampleRegistry();
    const samples = (await renderExposition(registry, new Set([1500000009]))).split("\n").filter((line) => line && !line.startsWith("#"));
    expect(samples).toEqual(['t_upstream_requests_total{action="DescribeTasks",outcome="ok"} 4']);
  });

  it.skipIf(!PROMTOOL)("passes promtool check metrics, filtered or not", async () => {
    for (const scope of ["all", new Set([MINE]), new Set([1500000009])] as const) {
      const checked = spawnSync(PROMTOOL!, ["check", "metrics"], { input: await renderExposition(sampleRegistry().registry, scope), encoding: "utf8" });
      expect(checked.stderr + checked.stdout).toBe("");
      expect(checked.status).toBe(0);
    }
  });
});
