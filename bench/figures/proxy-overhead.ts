import type { Figure } from "../harness/figure";
import { unavailable } from "../harness/report";

export const proxyOverhead: Figure = {
  id: "proxy-overhead",
  title: "proxy-overhead",
  async run() {
    return [unavailable("proxy-overhead", "proxy-overhead", "", { op: "<=", limit: 0 }, "not written yet")];
  },
};
