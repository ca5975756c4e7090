import { mulberry32 } from "@/lib/emulator/random";
import type { SimTask, SimUpstream } from "./sim-upstream";

const TYPES = ["Procedure", "Procedure", "Procedure", "EditMedia", "PullUpload", "ReviewAudioVideo"];

/** A deterministic random source, so a failing test fails the same way every run. */
export const seeded = mulberry32;

/**
 * Moves the simulated upstream forward second by second: tasks arrive at `perHour`, wait a few
 * seconds to minutes, run for minutes, and end; a few fail, a few abort (some of those without a
 * FinishTime, the case only reconciliation can catch).
 */
export function runWorkload(sim: SimUpstream, rand: () => number, seconds: number, perHour: number): void {
  const waiting: SimTask[] = [];
  const running: SimTask[] = [];
  for (const task of sim.tasks.values()) {
    if (task.status === "WAITING") waiting.push(task);
    if (task.status === "PROCESSING") running.push(task);
  }
  for (let s = 0; s < seconds; s++) {
    sim.now += 1_000;
    const arrivals = Math.floor(perHour / 3600 + rand());
    for (let i = 0; i < arrivals; i++) waiting.push(sim.add({ create: sim.now, type: TYPES[Math.floor(rand() * TYPES.length)] }));
    for (let i = waiting.length - 1; i >= 0; i--) {
      if (rand() > 0.1) continue;
      const [task] = waiting.splice(i, 1);
      if (rand() < 0.01) sim.end(task, "ABORTED", { withFinishTime: rand() < 0.5 });
      else {
        sim.start(task);
        running.push(task);
      }
    }
    for (let i = running.length - 1; i >= 0; i--) {
      if (rand() > 0.01) continue;
      const [task] = running.splice(i, 1);
      const r = rand();
      sim.end(task, r < 0.01 ? "ABORTED" : "FINISH", { failed: r < 0.06, withFinishTime: r >= 0.005 });
    }
  }
}

/** Pre-fills `hours` of history ending at sim.now, all ended except the last few minutes' tasks. */
export function prefill(sim: SimUpstream, rand: () => number, hours: number, perHour: number): void {
  const end = sim.now;
  sim.now = end - hours * 3_600_000;
  runWorkload(sim, rand, hours * 3600, perHour);
  sim.now = end;
}
