import type { Figure } from "../harness/figure";
import { unavailable } from "../harness/report";

export const virtualisation: Figure = {
  id: "virtualisation",
  title: "virtualisation",
  async run() {
    return [unavailable("virtualisation", "virtualisation", "", { op: "<=", limit: 0 }, "not written yet")];
  },
};
