import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAuthEnv, setAuthEnvForTests } from "@/lib/auth/auth-env";
import { runSignedIn, type Identity } from "@/lib/auth/identity";
import { startEmulatorUpstream, type EmulatorUpstream } from "@/lib/testing/emulator-upstream";
import { setUpstreamForTests } from "@/lib/vod/upstream";
import { GET } from "./media-names";

const MINE = 1500000001;
const OTHERS = 1500000002;
const bob: Identity = { name: "bob@example.com", via: "proxy" };
const alice: Identity = { name: "alice@example.com", via: "proxy" };
let upstream: EmulatorUpstream;
let mine: string[];
/** A file only the other app holds. */
let othersOnly: string;

async function get(identity: Identity, query: string) {
  const response = await runSignedIn(identity, () => GET(new Request(`http://dashboard.test/api/media-names?${query}`)));
  return { status: response.status, body: await response.json() };
}

const mediaCalls = async () => (await upstream.upstreamCalls()).requests.DescribeMediaInfos;
const fileIdsOf = async (subAppId: number) =>
  [...new Set((await upstream.gateway.describeTasks({ SubAppId: subAppId, Limit: 100 })).TaskSet.map((task) => task.FileId))];

beforeAll(async () => {
  upstream = await startEmulatorUpstream({ subApps: [MINE, OTHERS] });
  process.env.VOD_ENDPOINT = upstream.emulator.url;
  process.env.VOD_EMULATOR_SUBAPPS = `${MINE},${OTHERS}`;
  setUpstreamForTests(upstream.gateway);
  setAuthEnvForTests(readAuthEnv({ DASHBOARD_AUTH: "proxy", DASHBOARD_ACCESS: `bob@example.com=${MINE};alice@example.com=*` }));
  mine = (await fileIdsOf(MINE)).slice(0, 45);
  const candidates = await fileIdsOf(OTHERS);
  othersOnly = (await upstream.gateway.describeMediaInfos({ FileIds: candidates.slice(0, 20), SubAppId: MINE })).NotExistFileIdSet[0];
  expect(othersOnly).toBeDefined();
});

afterAll(async () => {
  setAuthEnvForTests(undefined);
  setUpstreamForTests(undefined);
  await upstream.emulator.close();
});

describe("GET /api/media-names", () => {
  it("names the files of the app, 20 ids an upstream call, and answers again from the cache", async () => {
    const before = await mediaCalls();
    const { status, body } = await get(bob, `fileIds=${mine.join(",")}&subAppId=${MINE}`);
    expect(status).toBe(200);
    expect(Object.keys(body.names).sort()).toEqual([...mine].sort());
    expect(Object.values(body.names).every((name) => typeof name === "string" && /\.\w+$/.test(name))).toBe(true);
    expect(body.unknown).toEqual([]);
    expect(await mediaCalls() - before).toBe(Math.ceil(mine.length / 20));
    const again = await get(bob, `fileIds=${mine.slice(0, 5).join(",")}`);
    expect(again.body.names[mine[0]]).toBe(body.names[mine[0]]);
    expect(await mediaCalls() - before).toBe(Math.ceil(mine.length / 20));
  });

  it("never tells a caller the name of another app's file", async () => {
    expect((await get(bob, `fileIds=${othersOnly}&subAppId=${OTHERS}`)).status).toBe(403);
    const asBob = await get(bob, `fileIds=${othersOnly}`);
    expect(asBob.body.names).toEqual({ [othersOnly]: null });
    const asAlice = await get(alice, `fileIds=${othersOnly}&subAppId=${OTHERS}`);
    expect(asAlice.body.names[othersOnly]).toMatch(/\.\w+$/);
  });

  it.each([
    ["", "fileIds"],
    ["fileIds=", "fileIds"],
    ["fileIds=a&fileIds=b", "fileIds"],
    ["fileIds=a%20b", "fileIds"],
    [`fileIds=${Array.from({ length: 101 }, (_, i) => `f${i}`).join(",")}`, "fileIds"],
    ["fileIds=a&subAppId=x", "subAppId"],
    ["fileIds=a&subAppId=42", "subAppId"],
  ])("?%s is a 400 naming %s", async (query, param) => {
    const { status, body } = await get(alice, query);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "InvalidParameter", message: expect.stringMatching(new RegExp(`^${param}: `)) });
  });

  it("leaves names unknown when upstream fails, and still answers 200", async () => {
    await upstream.setFaults({ errorRate: 1, errorCode: "InvalidParameterValue" });
    try {
      const { status, body } = await get(alice, `fileIds=${mine[0]},5285999999999999999&subAppId=${OTHERS}`);
      expect(status).toBe(200);
      expect(body).toEqual({ names: {}, unknown: [mine[0], "5285999999999999999"] });
    } finally {
      await upstream.setFaults({});
    }
  });
});
