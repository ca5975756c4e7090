/** Where the task store lives (CONTRACT §6): an embedded SQLite file or a Postgres server. */
export type DatabaseLocation =
  | { engine: "sqlite"; path: string }
  | { engine: "postgres"; url: string; password: string | undefined };

export const DEFAULT_DATABASE_URL = "sqlite:./data/vod-dashboard.db";

/**
 * Reads DATABASE_URL. Errors name the variable and never repeat its value, which may hold a
 * password; the caller registers the password with the log scrubber.
 */
export function parseDatabaseUrl(text: string = DEFAULT_DATABASE_URL): DatabaseLocation {
  const bad = (why: string) => new Error(`Invalid configuration: DATABASE_URL ${why}`);
  const value = text.trim();
  if (value.startsWith("sqlite:")) {
    const path = value.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "");
    if (path === "") throw bad("must name a file, as sqlite:./data/vod-dashboard.db");
    return { engine: "sqlite", path };
  }
  if (/^postgres(ql)?:\/\//i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw bad("must be a URL such as postgres://user:pass@host:5432/db");
    }
    if (!url.hostname) throw bad("must name a host, as postgres://user:pass@host:5432/db");
    const password = url.password ? decodeURIComponent(url.password) : undefined;
    return { engine: "postgres", url: value, password };
  }
  throw bad("must be sqlite:PATH or postgres://user:pass@host:port/db");
}
