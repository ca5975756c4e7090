import type { Figure } from "../harness/figure";
import { unavailable } from "../harness/report";

export const mirror: Figure = {
  id: "mirror",
  title: "mirror",
  async run() {
    return [unavailable("mirror", "mirror", "", { op: "<=", limit: 0 }, "not written yet")];
  },
};
