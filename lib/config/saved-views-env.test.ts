import { describe, expect, it } from "vitest";
import { readDashboardEnv } from "./dashboard-env";

describe("DASHBOARD_SAVED_VIEWS", () => {
  it("is empty when unset, and the team's views when set", () => {
    expect(readDashboardEnv({}).savedViews).toEqual([]);
    expect(readDashboardEnv({ DASHBOARD_SAVED_VIEWS: '{"Queue": "status=WAITING&refresh=5s"}' }).savedViews)
      .toEqual([{ name: "Queue", query: "status=WAITING&refresh=5s" }]);
  });

  it("stops the start with a message naming the variable, the view and the parameter", () => {
    expect(() => readDashboardEnv({ DASHBOARD_SAVED_VIEWS: '{"Queue": "status=QUEUED"}' }))
      .toThrow(/^Invalid configuration: DASHBOARD_SAVED_VIEWS view "Queue": status must be one of WAITING, PROCESSING, FINISH$/);
    expect(() => readDashboardEnv({ DASHBOARD_SAVED_VIEWS: "Queue=status=WAITING" })).toThrow(/DASHBOARD_SAVED_VIEWS must be a JSON object/);
  });
});
