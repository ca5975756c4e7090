import { describe, expect, it } from "vitest";
import { WindowFill } from "./fill";
import { SimUpstream } from "./testing/sim-upstream";

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);

describe("WindowFill", () => {
  it("reads every task of the window exactly once across parallel, self-splitting slices", async () => {
    const sim = new SimUpstream(NOW);
    // Uneven density: a dense last hour, a sparse rest, so slices finish at very different times.
    for (let i = 0; i < 3_000; i++) sim.add({ create: NOW - 1_000 - (i % 3_600) * 1_000 });
    for (let i = 0; i < 500; i++) sim.add({ create: NOW - 2 * 3_600_000 - i * 400_000 });
    const gateway = sim.gateway();
    let inFlight = 0;
    let most = 0;
    const slow = { ...gateway, describeTasks: async (request: Parameters<typeof gateway.describeTasks>[0]) => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight--;
      return gateway.describeTasks(request);
    } };
    const fill = new WindowFill(NOW - 72 * 3_600_000, NOW, 8);
    const seen = new Map<string, number>();
    const counter = { calls: 0 };
    await fill.run(slow, 1, 8, (tasks) => tasks.forEach((task) => seen.set(task.TaskId, (seen.get(task.TaskId) ?? 0) + 1)), counter);
    expect(fill.done).toBe(true);
    expect(seen.size).toBe(sim.visible().length);
    expect(most).toBe(8);
    // Splits cost a partial page each, and a page read past a split point is read twice at most.
    expect(counter.calls).toBeLessThan(3_500 / 100 + 30);
  });
});
