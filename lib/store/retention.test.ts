import { describe, expect, it } from "vitest";
import { STORE_ENGINES, useStoreEngine } from "@/lib/testing/store-engines";
import { applyRetention } from "./retention";
import type { TaskRow } from "./task-row";

const NOW = Date.UTC(2026, 11, 3, 12);
const DAY = 86_400_000;

describe.each(STORE_ENGINES)("retention on %s", (engine) => {
  const { open } = useStoreEngine(engine);

  it("removes every task created more than VOD_HISTORY_DAYS ago, keeps the rest", async () => {
    const store = await open();
    const rows: TaskRow[] = Array.from({ length: 2_500 }, (_, i) => ({
      taskId: `t${i}`, subAppId: 1, taskType: "Procedure", status: "FINISH", fileId: "f", createTime: NOW - (i % 2 ? 31 : 29) * DAY - i,
      beginTime: null, finishTime: null, sessionId: "", sessionContext: "", outcome: null, errorCode: null, message: null,
    }));
    await store.write(rows);
    expect(await applyRetention(store, 30, NOW)).toBe(1_250);
    expect(await store.summary()).toMatchObject({ tasks: 1_250 });
    expect(await applyRetention(store, 30, NOW)).toBe(0);
  });
});
