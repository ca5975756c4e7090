import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulatorUpstream, type EmulatorUpstream } from "@/lib/testing/emulator-upstream";
import { setUpstreamForTests } from "@/lib/vod/upstream";
import { GET } from "./lookup";

const FIRST = 1500000001;
const SECOND = 1500000002;
let upstream: EmulatorUpstream;

async function get(query: string) {
  const response = await GET(new Request(`http://dashboard.test/api/lookup${query}`));
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  upstream = await startEmulatorUpstream({ subApps: [FIRST, SECOND] });
  process.env.VOD_ENDPOINT = upstream.emulator.url;
  process.env.VOD_EMULATOR_SUBAPPS = `${FIRST},${SECOND}`;
  setUpstreamForTests(upstream.gateway);
});

afterAll(async () => {
  setUpstreamForTests(undefined);
  await upstream.emulator.close();
});

describe("GET /api/lookup", () => {
  it("finds a TaskId in the application its prefix names", async () => {
    const [task] = (await upstream.gateway.describeTasks({ SubAppId: SECOND, Limit: 1 })).TaskSet;
    const { status, body } = await get(`?id=${encodeURIComponent(` ${task.TaskId} `)}`);
    expect(status).toBe(200);
    expect(body).toEqual({ kind: "task", id: task.TaskId, subAppId: SECOND });
  });

  it("finds a FileId in whichever application has its tasks", async () => {
    const [task] = (await upstream.gateway.describeTasks({ SubAppId: SECOND, Limit: 1 })).TaskSet;
    const { status, body } = await get(`?id=${task.FileId}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ kind: "file", id: task.FileId });
    expect(body.subAppIds).toContain(SECOND);
    const preferred = await get(`?id=${task.FileId}&subAppId=${SECOND}`);
    expect(preferred.body.subAppIds[0]).toBe(SECOND);
  });

  it("answers 404 for an ID no application knows, saying where it looked", async () => {
    const { status, body } = await get(`?id=${FIRST}-procedurev2-000000000000ffffffffffffffffffff`);
    expect(status).toBe(404);
    expect(body.error.code).toBe("NotFound");
    expect(body.error.message).toContain(`${FIRST}, ${SECOND}`);
    expect((await get("?id=no-such-thing")).status).toBe(404);
  });

  it.each([["", "id"], ["a/b", "id"], ["x".repeat(129), "id"], ["ok&subAppId=7", "subAppId"]])("answers 400 for %s naming %s", async (id, param) => {
    const { status, body } = await get(`?id=${id}`);
    expect(status).toBe(400);
    expect(body.error.message.startsWith(`${param}:`)).toBe(true);
  });
});
