import { register } from "node:module";
import type { Figure } from "../harness/figure";

/**
 * The background outcome lookups against the emulator at 14,000 tasks/hour (outcomes-measure.ts).
 * It runs the server's own modules in this process: outside Next's bundler the "server-only"
 * marker would throw, so the hook npm start uses is registered before they load.
 */
export const outcomes: Figure = {
  id: "outcomes",
  title: "outcome lookups: pace, share of the budget, time to know a new outcome at 14,000 tasks/hour",
  async run(ctx) {
    register("../../scripts/server-only-hook.mjs", import.meta.url);
    const { measureOutcomes } = await import("./outcomes-measure");
    return measureOutcomes(ctx);
  },
};
