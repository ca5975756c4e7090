import { describe, expect, it } from "vitest";
import { clientCaller, runAs } from "./caller";
import { createGateway } from "./gateway";
import { createMediaNameCache } from "./media-name-cache";
import { createRequestBudget } from "./request-budget";

describe("the media name cache on the shared budget", () => {
  it("yields to viewers: while a viewer waits for a slot, name lookups are refused and the names stay unknown", async () => {
    const sent: string[] = [];
    const budget = createRequestBudget(4, { windowMs: 200 });
    const gateway = createGateway({
      budget,
      send: async (action) => {
        sent.push(action);
        return action === "DescribeTasks" ? { TaskSet: [], ScrollToken: "", RequestId: "r" } : { MediaInfoSet: [{ FileId: "f1", BasicInfo: { Name: "a.mp4" } }], NotExistFileIdSet: [], RequestId: "r" };
      },
    });
    const cache = createMediaNameCache({ lookup: (request) => gateway.describeMediaInfos(request, { maxAgeMs: 0 }) });
    // Viewers fill the clients' share of the window, and one more waits for the next.
    const viewers = Array.from({ length: 3 }, (_, i) => runAs(clientCaller(`viewer-${i}`), () => gateway.describeTasks({ Limit: i + 1 })));
    const found = await cache.names(1, ["f1"]);
    expect(found.unknown).toEqual(["f1"]);
    await Promise.all(viewers);
    expect(sent.filter((action) => action === "DescribeMediaInfos")).toEqual([]);
    // With nobody waiting, the idle budget is the cache's.
    expect((await cache.names(1, ["f1"])).names.get("f1")).toBe("a.mp4");
  });
});
