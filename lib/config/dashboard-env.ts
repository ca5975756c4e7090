import "server-only";
import { z } from "zod";
import { redactFromLogs } from "@/lib/log";
import { parseTeamViews, type SavedView } from "@/lib/filters/saved-views";
import { parseDatabaseUrl, type DatabaseLocation } from "./database-url";

/** The dashboard's own settings (CONTRACT §2, §6, §7), as opposed to the upstream's (server-env.ts). */
export interface DashboardEnv {
  port: number;
  /** The interface to listen on; undefined: every interface. */
  host: string | undefined;
  /** The dashboard's public URL: sign-in redirects, links in alerts, and a host name it answers. */
  url: URL;
  /** Host names answered besides IP literals, loopback names and the host of `url`, lower case. */
  allowedHosts: string[];
  /** DASHBOARD_SECRET's bytes, when set. */
  secret: Buffer | undefined;
  /** How far back the time filters reach, and how long the store keeps tasks, in days. */
  historyDays: number;
  /** DATABASE_URL: where the task store lives. */
  database: DatabaseLocation;
  /** DASHBOARD_SAVED_VIEWS: the team's named views, offered in every browser beside its own. */
  savedViews: SavedView[];
}

const secretBytes = z.string().trim().transform((text, ctx) => {
  const bytes = /^[0-9a-f]+$/i.test(text) && text.length % 2 === 0 ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
  if (bytes.length < 32) ctx.addIssue({ code: "custom", message: "must be at least 32 random bytes, as hex or base64 (openssl rand -hex 32)" });
  return bytes;
});

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().trim().regex(/^[\w.:[\]-]+$/, "must be an interface address such as 127.0.0.1 or 0.0.0.0").optional(),
  DASHBOARD_URL: z.url({ protocol: /^https?$/, error: "must be the dashboard's public http(s) URL" }).optional(),
  DASHBOARD_ALLOWED_HOSTS: z.string().trim()
    .regex(/^[A-Za-z0-9.-]+(\s*,\s*[A-Za-z0-9.-]+)*$/, "must be host names separated by commas").optional(),
  DASHBOARD_SECRET: secretBytes.optional(),
  VOD_HISTORY_DAYS: z.coerce.number().int().min(3).max(3_650).default(30),
  DATABASE_URL: z.string().optional(),
  DASHBOARD_SAVED_VIEWS: z.string().transform((text, ctx) => {
    try {
      return parseTeamViews(text);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message });
      return z.NEVER;
    }
  }).optional(),
});

/** Reads the dashboard's settings; an invalid one is an error naming the variable, never its value. */
export function readDashboardEnv(source: Record<string, string | undefined> = process.env): DashboardEnv {
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ""));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`);
  }
  const env = parsed.data;
  return {
    port: env.PORT,
    host: env.HOST,
    url: new URL(env.DASHBOARD_URL ?? `http://localhost:${env.PORT}`),
    allowedHosts: env.DASHBOARD_ALLOWED_HOSTS?.split(",").map((host) => host.trim().toLowerCase()) ?? [],
    secret: env.DASHBOARD_SECRET,
    historyDays: env.VOD_HISTORY_DAYS,
    database: parseDatabaseUrl(env.DATABASE_URL),
    savedViews: env.DASHBOARD_SAVED_VIEWS ?? [],
  };
}

let cached: DashboardEnv | undefined;

export function dashboardEnv(): DashboardEnv {
  if (!cached) {
    cached = readDashboardEnv();
    // The store's password never reaches a log line, in any spelling the URL may carry it.
    const { database } = cached;
    if (database.engine === "postgres" && database.password) {
      redactFromLogs(database.password);
      redactFromLogs(new URL(database.url).password);
    }
  }
  return cached;
}
