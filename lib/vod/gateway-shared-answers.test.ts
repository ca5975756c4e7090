import { describe, expect, it } from "vitest";
import { createGateway, type SendToUpstream } from "./gateway";
import { createRequestBudget } from "./request-budget";
import type { SharedAnswers } from "./shared-answers";

const PAGE = { TaskSet: [{ TaskId: "t1", TaskType: "Procedure", Status: "FINISH" }], ScrollToken: "", RequestId: "r-1" };

/** Another replica's answers, as the store would keep them. */
function sharedMap(): SharedAnswers & { kept: Map<string, { value: unknown; ttlMs: number }> } {
  const kept = new Map<string, { value: unknown; ttlMs: number }>();
  return { kept, get: async (key) => kept.get(key), put: (key, value, ttlMs) => void kept.set(key, { value, ttlMs }) };
}

describe("a gateway sharing answers with other replicas", () => {
  it("answers from another replica's fresh answer without a call, and shares its own", async () => {
    let calls = 0;
    const send: SendToUpstream = async () => (calls++, PAGE);
    const shared = sharedMap();
    const one = createGateway({ send, budget: createRequestBudget(10), sharedAnswers: () => shared });
    const other = createGateway({ send, budget: createRequestBudget(10), sharedAnswers: () => shared });
    const answer = await one.describeTasks({ Limit: 10 });
    expect(answer).toMatchObject(PAGE);
    expect(calls).toBe(1);
    expect([...shared.kept.values()]).toEqual([{ value: answer, ttlMs: 1_000 }]);
    expect(await other.describeTasks({ Limit: 10 })).toEqual(answer);
    expect(calls).toBe(1);
  });

  it("always calls upstream for a caller that wants its answer of now (maxAgeMs 0), and shares nothing of it", async () => {
    let calls = 0;
    const send: SendToUpstream = async () => (calls++, PAGE);
    const shared = sharedMap();
    const gateway = createGateway({ send, budget: createRequestBudget(10), sharedAnswers: () => shared });
    shared.put(`DescribeTasks ${JSON.stringify({ Limit: 10 })}`, PAGE, 1_000);
    await gateway.describeTasks({ Limit: 10 }, { maxAgeMs: 0 });
    expect(calls).toBe(1);
    expect(shared.kept.size).toBe(1);
  });
});
