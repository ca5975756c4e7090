import type { Figure } from "../harness/figure";
import { unavailable } from "../harness/report";

export const bundle: Figure = {
  id: "bundle",
  title: "bundle",
  async run() {
    return [unavailable("bundle", "bundle", "", { op: "<=", limit: 0 }, "not written yet")];
  },
};
