import http from "node:http";
import * as tencentcloud from "tencentcloud-sdk-nodejs-vod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeMediaInfos, MAX_MEDIA_INFO_IDS } from "./describe-media-infos";
import { formatFileId } from "./ids";
import { type RunningEmulator, startEmulator } from "./server";
import { TaskStore } from "./store";

const T0 = Date.UTC(2026, 10, 28, 14, 0, 0);
const APPS = [1500000001, 1500000002];
const store = new TaskStore({ seed: 7, tasksPerHour: 600, subApps: APPS, now: () => T0 });
const [first, second] = store.partitions;
/** FileIds the app's tasks name, in the order the files first appear. */
const filesOf = (part: typeof first) => [...part.files.keys()].map((n) => formatFileId(store.seed, n));
const onlyIn = (part: typeof first, other: typeof first) => [...part.files.keys()].filter((n) => !other.files.has(n)).map((n) => formatFileId(store.seed, n));

function codeOf(run: () => unknown): string {
  try {
    run();
    return "ok";
  } catch (error) {
    return (error as { code: string }).code;
  }
}

describe("DescribeMediaInfos", () => {
  it("names each file of the app, the same name every time, and lists the others as not existing", () => {
    const ids = filesOf(first).slice(0, 5);
    const foreign = onlyIn(second, first)[0];
    const answer = describeMediaInfos(store, { FileIds: [...ids, foreign, "5285nonsense"], SubAppId: APPS[0] });
    expect(answer.MediaInfoSet!.map((info) => info.FileId)).toEqual(ids);
    expect(answer.NotExistFileIdSet).toEqual([foreign, "5285nonsense"]);
    for (const info of answer.MediaInfoSet!) {
      expect(info.BasicInfo!.Name).toMatch(/^[A-Za-z0-9-]+\.(mp4|mov|mkv|mxf|flv|webm|m4a|mp3|wav)$/);
      expect(info.BasicInfo!.Type).toBe(info.BasicInfo!.Name!.split(".").pop());
    }
    const again = describeMediaInfos(new TaskStore({ seed: 7, tasksPerHour: 600, subApps: APPS, now: () => T0 }), { FileIds: ids, SubAppId: APPS[0] });
    expect(again.MediaInfoSet!.map((info) => info.BasicInfo!.Name)).toEqual(answer.MediaInfoSet!.map((info) => info.BasicInfo!.Name));
  });

  it("gives realistic, varied names: many different ones, file extensions of video and audio", () => {
    const names = describeMediaInfos(store, { FileIds: filesOf(first).slice(0, 20) }).MediaInfoSet!.map((info) => info.BasicInfo!.Name!);
    expect(new Set(names).size).toBeGreaterThan(10);
    const all = filesOf(first).slice(0, 400);
    const many: string[] = [];
    for (let i = 0; i < all.length; i += MAX_MEDIA_INFO_IDS) {
      many.push(...describeMediaInfos(store, { FileIds: all.slice(i, i + MAX_MEDIA_INFO_IDS) }).MediaInfoSet!.map((info) => info.BasicInfo!.Name!));
    }
    expect(many.some((name) => name.startsWith("launch-trailer"))).toBe(true);
    expect(many.some((name) => /^[A-Z]/.test(name))).toBe(true);
  });

  it("reads the first app without a SubAppId, and refuses an unknown one", () => {
    const id = onlyIn(first, second)[0];
    expect(describeMediaInfos(store, { FileIds: [id] }).MediaInfoSet).toHaveLength(1);
    expect(codeOf(() => describeMediaInfos(store, { FileIds: [id], SubAppId: 42 }))).toBe("InvalidParameterValue.SubAppId");
  });

  it("leaves BasicInfo out when Filters does not ask for it", () => {
    const id = filesOf(first)[0];
    expect(describeMediaInfos(store, { FileIds: [id], Filters: ["metaData"] }).MediaInfoSet).toEqual([{ FileId: id }]);
    expect(describeMediaInfos(store, { FileIds: [id], Filters: ["basicInfo"] }).MediaInfoSet![0].BasicInfo).toBeDefined();
  });

  it("validates as upstream: at most 20 ids, a list of strings, known fields and filters", () => {
    const ids = filesOf(first);
    expect(codeOf(() => describeMediaInfos(store, { FileIds: ids.slice(0, MAX_MEDIA_INFO_IDS) }))).toBe("ok");
    expect(codeOf(() => describeMediaInfos(store, { FileIds: ids.slice(0, MAX_MEDIA_INFO_IDS + 1) }))).toBe("InvalidParameterValue");
    expect(codeOf(() => describeMediaInfos(store, {}))).toBe("MissingParameter");
    expect(codeOf(() => describeMediaInfos(store, { FileIds: [] }))).toBe("MissingParameter");
    expect(codeOf(() => describeMediaInfos(store, { FileIds: "5285" }))).toBe("InvalidParameterValue");
    expect(codeOf(() => describeMediaInfos(store, { FileIds: [1] }))).toBe("InvalidParameterValue");
    expect(codeOf(() => describeMediaInfos(store, { FileIds: [ids[0]], Filters: ["everything"] }))).toBe("InvalidParameterValue");
    expect(codeOf(() => describeMediaInfos(store, { FileIds: [ids[0]], Colour: "red" }))).toBe("UnknownParameter");
  });
});

describe("DescribeMediaInfos over HTTP, signed by the official SDK", () => {
  let emu: RunningEmulator;
  const client = (port: number, secretKey = "emulator-secret") => new tencentcloud.vod.v20180717.Client({
    credential: { secretId: "AKIDemulator", secretKey }, region: "",
    profile: { httpProfile: { endpoint: `127.0.0.1:${port}`, protocol: "http://", reqTimeout: 10, agent: new http.Agent() } },
  });
  beforeAll(async () => {
    emu = await startEmulator({ seed: 7, tasksPerHour: 600, subApps: APPS, now: () => T0 });
  });
  afterAll(() => emu.close());

  it("answers the SDK's DescribeMediaInfos, and refuses a bad signature and 21 ids with upstream's codes", async () => {
    const ids = filesOf(first).slice(0, 3);
    const answer = await client(emu.port).DescribeMediaInfos({ FileIds: ids, SubAppId: APPS[0] });
    expect(answer.MediaInfoSet!.map((info) => info.FileId)).toEqual(ids);
    expect(answer.RequestId).toMatch(/^[0-9a-f-]{36}$/);
    const refused = (p: Promise<unknown>) => p.then(() => "ok", (error: { code?: string }) => error.code);
    expect(await refused(client(emu.port, "wrong").DescribeMediaInfos({ FileIds: ids }))).toBe("AuthFailure.SignatureFailure");
    expect(await refused(client(emu.port).DescribeMediaInfos({ FileIds: filesOf(first).slice(0, 21) }))).toBe("InvalidParameterValue");
  });
});
