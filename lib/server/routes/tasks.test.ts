import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { BAD_TASK_QUERIES } from "@/lib/testing/bad-task-queries";
import { fakeGateway, upstreamTask } from "@/lib/testing/fake-gateway";
import { setUpstreamForTests } from "@/lib/vod/upstream";
import { encodeCursor, viewKey } from "@/lib/tasks/cursor";
import { runSignedIn } from "@/lib/auth/identity";
import { taskQueryFromParams } from "@/lib/tasks/task-query-from-params";
import { GET } from "./tasks";

const parsedQuery = (query: string) => taskQueryFromParams(new URLSearchParams(query));

const URL_BASE = "http://dashboard.test/api/tasks";

async function get(query: string) {
  const response = await GET(new Request(`${URL_BASE}${query}`));
  return { status: response.status, body: await response.json(), headers: response.headers };
}

afterEach(() => setUpstreamForTests(undefined));

describe("GET /api/tasks", () => {
  it("maps the query to one DescribeTasks request and normalises the tasks", async () => {
    const { gateway, requests } = fakeGateway([
      upstreamTask("t1", { Status: "PROCESSING", FinishTime: "0001-01-01T00:00:00Z" }),
      upstreamTask("t2", { Status: "WAITING", BeginProcessTime: "", FinishTime: "" }),
    ]);
    setUpstreamForTests(gateway);
    // Yesterday: inside upstream's 72 hours (an older window is read from the task store).
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const { status, body } = await get(`?status=PROCESSING&fileId=f1&sort=finishTime:asc&limit=5&createdAfter=${day}T00:00:00Z&createdBefore=${day}T12:00:00.5Z&subAppId=1500000002&unknown=ignored`);
    expect(status).toBe(200);
    expect(requests).toEqual([{
      SubAppId: 1500000002, Status: "PROCESSING", FileId: "f1",
      CreateTime: { After: `${day}T00:00:00Z`, Before: `${day}T12:00:01Z` },
      Sort: { Field: "FinishTime", Order: "Asc" }, Limit: 5,
    }]);
    expect(body.tasks[0]).toEqual({
      taskId: "t1", taskType: "Procedure", status: "PROCESSING", fileId: "f1", createTime: "2026-11-28T10:00:00Z",
      beginProcessTime: "2026-11-28T10:00:05Z", finishTime: null, sessionId: "", sessionContext: "", outcome: null, errorCode: null,
    });
    expect(body.tasks[1]).toMatchObject({ beginProcessTime: null, finishTime: null });
    expect(body).toMatchObject({ nextCursor: null, requestId: "req-1" });
  });

  it("defaults to the first configured SubAppId, newest first, 50 a page", async () => {
    const { gateway, requests } = fakeGateway([]);
    setUpstreamForTests(gateway);
    await get("");
    expect(requests[0]).toEqual({ SubAppId: 1500000001, Sort: { Field: "CreateTime", Order: "Desc" }, Limit: 50 });
  });

  it("pages with nextCursor through every task exactly once, keeping a relative window fixed", async () => {
    const tasks = Array.from({ length: 23 }, (_, i) => upstreamTask(`t${i}`));
    const { gateway, requests } = fakeGateway(tasks);
    setUpstreamForTests(gateway);
    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const query: string = `?limit=10&createdAfter=now-6h${cursor ? `&cursor=${cursor}` : ""}`;
      const { body } = await get(query);
      seen.push(...body.tasks.map((task: { taskId: string }) => task.taskId));
      cursor = body.nextCursor;
    }
    expect(seen).toEqual(tasks.map((task) => task.TaskId));
    expect(new Set(requests.map((request) => request.CreateTime?.After)).size).toBe(1);
  });

  it("filters on type while paging upstream, resuming right after the last task it returned", async () => {
    const tasks = Array.from({ length: 250 }, (_, i) => upstreamTask(`t${i}`, { TaskType: i % 10 === 3 ? "EditMedia" : "Procedure" }));
    const { gateway, requests } = fakeGateway(tasks);
    setUpstreamForTests(gateway);
    const first = await get("?type=EditMedia&limit=4");
    expect(first.body.tasks.map((task: { taskId: string }) => task.taskId)).toEqual(["t3", "t13", "t23", "t33"]);
    // Known types match whatever their case.
    expect((await get("?type=editmedia&limit=4")).body.tasks).toEqual(first.body.tasks);
    expect(requests[0]).toMatchObject({ Limit: 100 });
    const second = await get(`?type=EditMedia&limit=30&cursor=${first.body.nextCursor}`);
    const ids = second.body.tasks.map((task: { taskId: string }) => task.taskId);
    expect(ids[0]).toBe("t43");
    expect(ids).toHaveLength(21);
    expect(second.body.nextCursor).toBeNull();
  });

  it("stops after a bounded number of upstream pages and returns a cursor rather than waiting", async () => {
    const tasks = Array.from({ length: 1000 }, (_, i) => upstreamTask(`t${i}`, { TaskType: i === 999 ? "Rare" : "Procedure" }));
    const { gateway, requests } = fakeGateway(tasks);
    setUpstreamForTests(gateway);
    const { body } = await get("?type=Rare");
    expect(requests).toHaveLength(5);
    expect(body.tasks).toEqual([]);
    expect(body.nextCursor).toEqual(expect.any(String));
    // It says how far it got: the creation time of the last task it read.
    expect(body.scannedThrough).toBe("2026-11-28T10:00:00Z");
    const rest = await get(`?type=Rare&cursor=${body.nextCursor}`);
    expect(rest.body.tasks.map((task: { taskId: string }) => task.taskId)).toEqual(["t999"]);
  });

  it("sorted by finish time, asks upstream for finished tasks only, so unfinished ones cannot fill the first page", async () => {
    const { gateway, requests } = fakeGateway([upstreamTask("t1")]);
    setUpstreamForTests(gateway);
    // Inside upstream's 72 hours (an older start would be read from the task store first).
    const createdAfter = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 24 * 3_600_000).toISOString().replace(".000Z", "Z");
    await get(`?sort=finishTime:asc&createdAfter=${createdAfter}`);
    expect(requests[0]).toMatchObject({ Sort: { Field: "FinishTime", Order: "Asc" }, FinishTime: { After: createdAfter } });
    await get("?sort=finishTime:desc");
    expect(requests[1].FinishTime?.After).toEqual(expect.any(String));
    await get("?sort=createTime:asc");
    expect(requests[2].FinishTime).toBeUndefined();
  });

  it("refuses a cursor from another view", async () => {
    const { gateway } = fakeGateway(Array.from({ length: 20 }, (_, i) => upstreamTask(`t${i}`)));
    setUpstreamForTests(gateway);
    const { body } = await get("?limit=5&status=FINISH");
    const replay = await get(`?limit=5&status=WAITING&cursor=${body.nextCursor}`);
    expect(replay.status).toBe(400);
    expect(replay.body.error.message).toMatch(/^cursor:/);
  });

  it("refuses a forged, altered or re-targeted cursor before asking upstream anything", async () => {
    const { gateway, requests } = fakeGateway(Array.from({ length: 20 }, (_, i) => upstreamTask(`t${i}`)));
    setUpstreamForTests(gateway);
    const { body } = await get("?limit=5&subAppId=1500000001");
    const [payload, signature] = (body.nextCursor as string).split(".");
    const forgedPayload = Buffer.from(JSON.stringify({ t: "t5", w: { created: { after: 1e20 }, finished: {} }, v: "x" })).toString("base64url");
    const altered = Buffer.from(payload, "base64url").toString().replace('"t5"', '"t9"');
    const hostile = [
      forgedPayload,
      `${forgedPayload}.${signature}`,
      `${Buffer.from(altered).toString("base64url")}.${signature}`,
      `${payload}.${signature.slice(0, -2)}AA`,
    ];
    const asked = requests.length;
    for (const cursor of hostile) {
      const answer = await get(`?limit=5&subAppId=1500000001&cursor=${cursor}`);
      expect(answer.status, cursor).toBe(400);
      expect(answer.body.error.message).toMatch(/^cursor: is not a cursor this server returned/);
    }
    const otherApp = await get(`?limit=5&subAppId=1500000002&cursor=${body.nextCursor}`);
    expect(otherApp.status).toBe(400);
    expect(requests).toHaveLength(asked);
  });

  it.each([
    ["an unbounded window", { scrollToken: "t5", window: { created: { after: 1e20 }, finished: {} } }],
    ["a window older than the history kept", { scrollToken: "t5", window: { created: { after: Date.now() - 40 * 86_400_000 }, finished: {} } }],
    ["a reversed window", { scrollToken: "t5", window: { created: { after: Date.now(), before: Date.now() - 60_000 }, finished: {} } }],
    ["a ScrollToken upstream never writes", { scrollToken: `t5\r\nX-Injected: 1${"x".repeat(100)}`, window: { created: {}, finished: {} } }],
  ])("refuses a signed cursor holding %s", async (_, state) => {
    const { gateway, requests } = fakeGateway([upstreamTask("t5")]);
    setUpstreamForTests(gateway);
    const query = { ...parsedQuery("?limit=5") };
    const cursor = encodeCursor({ ...state, view: viewKey(query) });
    const answer = await get(`?limit=5&cursor=${cursor}`);
    expect(answer.status).toBe(400);
    expect(requests).toHaveLength(0);
  });

  it("refuses a cursor another identity was given", async () => {
    const { gateway, requests } = fakeGateway(Array.from({ length: 20 }, (_, i) => upstreamTask(`t${i}`)));
    setUpstreamForTests(gateway);
    const alice = { name: "alice@example.com", via: "oidc" } as const;
    const bob = { name: "bob@example.com", via: "oidc" } as const;
    const { body } = await runSignedIn(alice, () => get("?limit=5"));
    expect((await runSignedIn(alice, () => get(`?limit=5&cursor=${body.nextCursor}`))).status).toBe(200);
    const asked = requests.length;
    const stolen = await runSignedIn(bob, () => get(`?limit=5&cursor=${body.nextCursor}`));
    expect(stolen.status).toBe(400);
    expect(stolen.body.error.message).toMatch(/^cursor:/);
    expect(requests).toHaveLength(asked);
  });

  it("answers 400 for a cursor whose position upstream has forgotten", async () => {
    const { gateway } = fakeGateway(Array.from({ length: 20 }, (_, i) => upstreamTask(`t${i}`)));
    setUpstreamForTests(gateway);
    const { body } = await get("?limit=5");
    setUpstreamForTests({ ...gateway, describeTasks: async () => {
      throw new ApiError("UpstreamRejected", "refused", { upstreamCode: "InvalidParameterValue" });
    } });
    const expired = await get(`?limit=5&cursor=${body.nextCursor}`);
    expect(expired.status).toBe(400);
    expect(expired.body.error.message).toMatch(/^cursor: has expired/);
  });

  it.each([
    ...BAD_TASK_QUERIES,
    ["?cursor=bm90LWpzb24", "cursor"] as const,
    ["?cursor=eyJ0IjoieCJ9", "cursor"] as const,
  ])("answers 400 naming the parameter for %s", async (query, param) => {
    const { gateway, requests } = fakeGateway([]);
    setUpstreamForTests(gateway);
    const { status, body, headers } = await get(query);
    expect(status).toBe(400);
    expect(body.error.code).toBe("InvalidParameter");
    expect(body.error.message.startsWith(`${param}:`)).toBe(true);
    expect(headers.get("content-type")).toContain("application/json");
    expect(requests).toHaveLength(0);
  });

  it("treats empty parameters as absent, as a form would send them", async () => {
    const { gateway, requests } = fakeGateway([]);
    setUpstreamForTests(gateway);
    expect((await get("?status=&fileId=&type=")).status).toBe(200);
    expect(requests[0].Status).toBeUndefined();
  });
});
