import { describe, expect, it } from "vitest";
import { Mirror } from "./mirror";
import { createPacer } from "./pacer";
import { SimUpstream } from "./testing/sim-upstream";

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const minutesAgo = (m: number) => NOW - m * 60_000;

describe("the backlog at a past moment", () => {
  it("counts tasks created by then that had neither started nor ended", async () => {
    const sim = new SimUpstream(NOW);
    sim.add({ create: minutesAgo(20) }); // still waiting: waiting 15 min ago and now
    sim.add({ create: minutesAgo(5) }); // created after the moment
    sim.start(sim.add({ create: minutesAgo(18) }), minutesAgo(10)); // waiting then, running now
    sim.start(sim.add({ create: minutesAgo(30) }), minutesAgo(16)); // running already
    sim.end(sim.add({ create: minutesAgo(17) }), "FINISH", { at: minutesAgo(2) }); // started at its finish (sim): waiting then
    sim.end(sim.add({ create: minutesAgo(19) }), "ABORTED", { at: minutesAgo(14) }); // aborted unstarted after the moment
    sim.end(sim.add({ create: minutesAgo(19) }), "ABORTED", { at: minutesAgo(16) }); // aborted before the moment
    const mirror = new Mirror({ gateway: () => sim.gateway(), subAppId: 1, pacer: createPacer(10_000), now: () => sim.now, timer: false, idleStopMs: 0 });
    await mirror.sync();
    expect(mirror.waitingAt(minutesAgo(15))).toBe(4);
    expect(mirror.waitingAt(NOW)).toBe(2);
    expect(mirror.waitingAt(minutesAgo(40))).toBe(0);
  });
});
