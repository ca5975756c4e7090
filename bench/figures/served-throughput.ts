import type { Figure } from "../harness/figure";
import { unavailable } from "../harness/report";

export const servedThroughput: Figure = {
  id: "served-throughput",
  title: "served-throughput",
  async run() {
    return [unavailable("served-throughput", "served-throughput", "", { op: "<=", limit: 0 }, "not written yet")];
  },
};
