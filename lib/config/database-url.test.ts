import { describe, expect, it, vi } from "vitest";
import { readDashboardEnv } from "./dashboard-env";
import { parseDatabaseUrl } from "./database-url";

describe("parseDatabaseUrl", () => {
  it("defaults to the embedded SQLite file", () => {
    expect(parseDatabaseUrl()).toEqual({ engine: "sqlite", path: "./data/vod-dashboard.db" });
    expect(readDashboardEnv({}).database).toEqual({ engine: "sqlite", path: "./data/vod-dashboard.db" });
  });

  it.each([
    ["sqlite:/var/lib/vod/tasks.db", { engine: "sqlite", path: "/var/lib/vod/tasks.db" }],
    ["sqlite:///var/lib/vod/tasks.db", { engine: "sqlite", path: "/var/lib/vod/tasks.db" }],
    ["sqlite:tasks.db", { engine: "sqlite", path: "tasks.db" }],
    ["postgres://vod:p%40ss@db:5432/vod", { engine: "postgres", url: "postgres://vod:p%40ss@db:5432/vod", password: "p@ss" }],
    ["postgresql://db/vod", { engine: "postgres", url: "postgresql://db/vod", password: undefined }],
  ])("reads %s", (text, location) => {
    expect(parseDatabaseUrl(text)).toEqual(location);
  });

  it.each(["mysql://root:hunter2@db/vod", "sqlite:", "hunter2", "postgres://:hunter2@/vod"])("refuses %s naming DATABASE_URL, without repeating it", (text) => {
    expect(() => readDashboardEnv({ DATABASE_URL: text })).toThrow(/DATABASE_URL/);
    expect(() => readDashboardEnv({ DATABASE_URL: text })).not.toThrow(/hunter2/);
  });
});

describe("the store's password", () => {
  it("never reaches a log line once the settings are read", async () => {
    vi.resetModules();
    process.env.DATABASE_URL = "postgres://vod:s3cr%2Ft-pw@db.internal:5432/vod";
    try {
      const { dashboardEnv } = await import("./dashboard-env");
      const { logEvent, setLogSink } = await import("@/lib/log");
      const lines: string[] = [];
      const restore = setLogSink((line) => lines.push(line));
      dashboardEnv();
      logEvent("error", "connect failed", { url: process.env.DATABASE_URL, password: "s3cr/t-pw" });
      restore();
      expect(lines.join("\n")).not.toMatch(/s3cr/);
      expect(lines.join("\n")).toContain("[redacted]");
    } finally {
      delete process.env.DATABASE_URL;
      vi.resetModules();
    }
  });
});
