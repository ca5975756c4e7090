import { register } from "node:module";
import type { Figure } from "../harness/figure";

/** Three replicas on one Postgres store (replicas-measure.ts); the server-only hook as in outcomes.ts. */
export const replicas: Figure = {
  id: "replicas",
  title: "three replicas on one Postgres store: one budget under load, 1,000 viewers, failover after SIGSTOP and kill -9 of the collector",
  async run(ctx) {
    register("../../scripts/server-only-hook.mjs", import.meta.url);
    const { measureReplicas } = await import("./replicas-measure");
    return measureReplicas(ctx);
  },
};
