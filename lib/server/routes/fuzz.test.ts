import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/emulator/random";
import { setLogSink } from "@/lib/log";
import { startEmulatorUpstream, type EmulatorUpstream } from "@/lib/testing/emulator-upstream";
import { setUpstreamForTests } from "@/lib/vod/upstream";
import { GET } from "./tasks";

// Values worth trying for each parameter: valid ones, near misses, and junk.
const VALUES: Record<string, string[]> = {
  status: ["WAITING", "PROCESSING", "FINISH", "ABORTED", "finish", "", "WAITING,FINISH", "%00", "null"],
  fileId: ["5285890784246869", "x", "", "a b", "../../etc", "%F0%9F%98%80", "9".repeat(200), "1' OR '1'='1"],
  type: ["Procedure", "EditMedia", "procedure", "", "Proc edure", "<script>", "A".repeat(70)],
  createdAfter: ["now-15m", "now-6h", "now-3d", "now-100d", "now", "now-0m", "2026-11-28T13:57:15Z", "2026-11-28", "2026-02-30T00:00:00Z", "0001-01-01T00:00:00Z", "now+1h", "-1", "NaN", "9999999999999"],
  createdBefore: ["now", "now-1h", "2030-01-01T00:00:00Z", "2026-11-28T13:57:15+08:00", "tomorrow", "2026-11-28T13:57:15"],
  finishedAfter: ["now-1h", "now-72h", "2026-11-28T00:00:00Z", "x", "now-99999d"],
  finishedBefore: ["now", "now-5m", "1999-12-31T23:59:59Z", "2026-11-28T00:00:00.123456789Z"],
  sort: ["createTime:desc", "createTime:asc", "finishTime:desc", "finishTime:asc", "createTime", "taskId:asc", "FINISHTIME:ASC"],
  limit: ["1", "10", "50", "100", "0", "101", "-5", "1e2", "ten", " 5", "00000000000000000000050", "99999999999999999999"],
  cursor: ["", "abc", "!!!", "eyJ0IjoiMSJ9", "e30", "x".repeat(5000)],
  subAppId: ["1500000001", "1500000002", "1", "0", "-1", "abc", "1500000001.0"],
  junk: ["1", "DescribeInstances", "RunInstances"],
  Action: ["DeleteMedia", "DescribeTasks"],
};

function randomQuery(random: () => number): string {
  const params = new URLSearchParams();
  for (const [name, values] of Object.entries(VALUES)) {
    if (random() < 0.35) params.append(name, values[Math.floor(random() * values.length)]);
    if (random() < 0.03) params.append(name, values[Math.floor(random() * values.length)]);
  }
  if (random() < 0.1) params.append(String.fromCharCode(32 + Math.floor(random() * 90)), "%%%");
  return params.toString();
}

let upstream: EmulatorUpstream;
let restoreLog: () => void;

beforeAll(async () => {
  restoreLog = setLogSink(() => {});
  upstream = await startEmulatorUpstream({ tasksPerHour: 600 });
  setUpstreamForTests(upstream.gateway);
});

afterAll(async () => {
  setUpstreamForTests(undefined);
  await upstream.emulator.close();
  restoreLog();
});

describe("GET /api/tasks against the emulator, with random query strings", () => {
  it("never answers 5xx: what the server accepts, upstream accepts too; what it refuses is a 400 naming a parameter", async () => {
    const random = mulberry32(20261129);
    const outcomes = { ok: 0, refused: 0 };
    for (let i = 0; i < 400; i++) {
      const query = randomQuery(random);
      const response = await GET(new Request(`http://dashboard.test/api/tasks?${query}`));
      const body = await response.json();
      if (response.status >= 500) throw new Error(`${response.status} for ?${query}: ${JSON.stringify(body)}`);
      if (response.status === 200) {
        outcomes.ok++;
        expect(Array.isArray(body.tasks)).toBe(true);
      } else {
        outcomes.refused++;
        expect(response.status).toBe(400);
        expect(body.error.message).toMatch(/^(status|fileId|type|createdAfter|createdBefore|finishedAfter|finishedBefore|sort|limit|cursor|subAppId):/);
      }
    }
    // Both sides of the line were exercised.
    // Many values are refused on purpose (impossible dates, windows older than the history kept).
    expect(outcomes.ok).toBeGreaterThan(25);
    expect(outcomes.refused).toBeGreaterThan(40);
    const { requests } = await upstream.upstreamCalls();
    expect(Object.keys(requests).filter((action) => requests[action] > 0)).toEqual(["DescribeTasks"]);
  }, 120_000);
});
