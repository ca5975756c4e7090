import { QueryClient, type InfiniteData } from "@tanstack/react-query";
import { ApiError } from "@/lib/api/errors";
import { afterEach, describe, expect, it } from "vitest";
import { taskKeys } from "@/lib/client/task-queries";
import { fakeGateway, upstreamTask } from "@/lib/testing/fake-gateway";
import type { Gateway } from "@/lib/vod/gateway";
import { setUpstreamForTests } from "@/lib/vod/upstream";
import type { TaskPage } from "@/lib/model/task";
import { GET } from "@/lib/server/routes/tasks";
import { prefetchFirstPage } from "./prefetch-first-page";

afterEach(() => setUpstreamForTests(undefined));

const tasks = [upstreamTask("t1", { Status: "PROCESSING", FinishTime: "0001-01-01T00:00:00Z" }), upstreamTask("t2"), upstreamTask("t3")];

describe("prefetchFirstPage", () => {
  it("seeds the list and the head under the browser's key with what GET /api/tasks answers", async () => {
    const { gateway, requests } = fakeGateway(tasks);
    setUpstreamForTests(gateway);
    const client = new QueryClient();
    await prefetchFirstPage(client, { status: "PROCESSING", limit: "2", refresh: "off", tz: "UTC" });
    // The key is the query string the browser serialises from the same URL (page-only parameters left out).
    const key = "?status=PROCESSING&limit=2";
    const list = client.getQueryData<InfiniteData<TaskPage>>(taskKeys.list(key));
    const api = await (await GET(new Request(`http://dashboard.test/api/tasks${key}`))).json();
    expect(list).toEqual({ pages: [{ ...api, requestId: "req-1" }], pageParams: [null] });
    expect(client.getQueryData(taskKeys.head(key))).toEqual(list!.pages[0]);
    expect(requests[0]).toMatchObject({ Status: "PROCESSING", Limit: 2 });
  });

  it("reads bad values as absent, as the browser does, and still renders the default view", async () => {
    const { gateway } = fakeGateway(tasks);
    setUpstreamForTests(gateway);
    const client = new QueryClient();
    await prefetchFirstPage(client, { status: "BOGUS", limit: "-3", tz: "Mars/Base", createdAfter: "garbage", sort: ["createTime:asc", "x"] });
    expect(client.getQueryData<InfiniteData<TaskPage>>(taskKeys.list("?sort=createTime:asc"))?.pages[0].tasks).toHaveLength(3);
  });

  it("leaves the cache empty when the render fails otherwise, so the browser loads and reports as before", async () => {
    const failing: Gateway = { describeTasks: () => Promise.reject(new Error("down")), describeTaskDetail: () => Promise.reject(new Error("down")) };
    setUpstreamForTests(failing);
    const client = new QueryClient();
    await expect(prefetchFirstPage(client, {})).resolves.toBeUndefined();
    expect(client.getQueryCache().getAll()).toHaveLength(0);
  });

  it("hands back the API's error when the upstream is failing, so the page can say so in its HTML", async () => {
    const failing: Gateway = { describeTasks: () => Promise.reject(new ApiError("UpstreamUnavailable", "The VOD API is unavailable (InternalError).")),
      describeTaskDetail: () => Promise.reject(new Error("down")) };
    setUpstreamForTests(failing);
    const client = new QueryClient();
    await expect(prefetchFirstPage(client, {})).resolves.toMatchObject({ code: "UpstreamUnavailable", status: 502, message: expect.stringContaining("unavailable") });
    expect(client.getQueryCache().getAll()).toHaveLength(0);
  });

  it("leaves a view with a SubAppId to the browser, which checks it against /api/health first", async () => {
    const { gateway, requests } = fakeGateway(tasks);
    setUpstreamForTests(gateway);
    const client = new QueryClient();
    await prefetchFirstPage(client, { subAppId: "1500000002" });
    expect(requests).toHaveLength(0);
    expect(client.getQueryCache().getAll()).toHaveLength(0);
  });
});
