import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { BACKFILL, clientCaller, currentCaller, runAs } from "./caller";
import { createGateway } from "./gateway";
import type { RequestBudget } from "./request-budget";

const PAGE = { TaskSet: [{ TaskId: "t1", TaskType: "Procedure", Status: "FINISH" }], ScrollToken: "", RequestId: "r-1" };

/** A budget that grants everyone at once except idle callers, whom it refuses shortly after they ask (someone else waits). */
const refusingIdle: RequestBudget = {
  maxPerSecond: 10,
  maxWaitingPerClient: 10,
  waitingFor: () => 0,
  take: () => currentCaller().idle
    ? new Promise((_resolve, reject) => setTimeout(() => reject(new ApiError("RateLimited", "Idle budget only, and others are waiting.")), 20))
    : Promise.resolve(() => undefined),
};

describe("a viewer joining an idle caller's call", () => {
  it("does not inherit the idle call's refusal: it asks again as itself and gets the answer", async () => {
    let calls = 0;
    const gateway = createGateway({ send: async () => { calls++; return PAGE; }, budget: refusingIdle, retryPolicy: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    const idle = runAs(BACKFILL, () => gateway.describeTasks({ Limit: 1 }));
    const viewer = runAs(clientCaller("viewer"), () => gateway.describeTasks({ Limit: 1 }));
    await expect(idle).rejects.toMatchObject({ code: "RateLimited" });
    await expect(viewer).resolves.toMatchObject({ TaskSet: [{ TaskId: "t1" }] });
    expect(calls).toBe(1);
  });

  it("still shares an idle call that succeeds, and leaves other failures as they are", async () => {
    let calls = 0;
    const grantsAll: RequestBudget = { ...refusingIdle, take: () => Promise.resolve(() => undefined) };
    const gateway = createGateway({ send: async () => { calls++; await new Promise((resolve) => setTimeout(resolve, 10)); return PAGE; }, budget: grantsAll });
    const [idle, viewer] = await Promise.all([
      runAs(BACKFILL, () => gateway.describeTasks({ Limit: 1 })),
      runAs(clientCaller("viewer"), () => gateway.describeTasks({ Limit: 1 })),
    ]);
    expect(idle).toEqual(viewer);
    expect(calls).toBe(1);

    const failing = createGateway({ send: async () => { throw Object.assign(new Error("bad"), { code: "InvalidParameterValue", requestId: "" }); }, budget: grantsAll,
      retryPolicy: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 2 } });
    const idleFail = runAs(BACKFILL, () => failing.describeTasks({ Limit: 2 }));
    const viewerFail = runAs(clientCaller("viewer"), () => failing.describeTasks({ Limit: 2 }));
    await expect(idleFail).rejects.toBeInstanceOf(ApiError);
    await expect(viewerFail).rejects.toMatchObject({ code: (await idleFail.catch((error: ApiError) => error)).code });
  });
});
