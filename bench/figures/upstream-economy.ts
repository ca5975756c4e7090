import type { Figure } from "../harness/figure";
import { unavailable } from "../harness/report";

export const upstreamEconomy: Figure = {
  id: "upstream-economy",
  title: "upstream-economy",
  async run() {
    return [unavailable("upstream-economy", "upstream-economy", "", { op: "<=", limit: 0 }, "not written yet")];
  },
};
