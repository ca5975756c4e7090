import "server-only";
import { z } from "zod";
import { redactFromLogs } from "@/lib/log";
import { EMULATOR_DEFAULTS } from "./emulator-defaults";

const DEFAULT_ENDPOINT = "vod.tencentcloudapi.com";

export interface Endpoint {
  protocol: "http://" | "https://";
  /** host[:port], as the SDK's httpProfile.endpoint wants it. */
  host: string;
}

export interface ServerEnv {
  mode: "emulator" | "live";
  credential: { secretId: string; secretKey: string; token?: string };
  endpoint: Endpoint;
  subAppIds: number[];
  maxRps: number;
}

const idList = z
  .string()
  .trim()
  .regex(/^\d{1,16}(,\s*\d{1,16})*$/, "must be comma-separated SubAppIds such as 1500000001,1500000002")
  .transform((text) => text.split(",").map((id) => Number(id.trim())));

const schema = z.object({
  TENCENTCLOUD_SECRET_ID: z.string().trim().min(1).optional(),
  TENCENTCLOUD_SECRET_KEY: z.string().trim().min(1).optional(),
  TENCENTCLOUD_SESSION_TOKEN: z.string().trim().min(1).optional(),
  VOD_ENDPOINT: z.string().trim().min(1).optional(),
  VOD_SUBAPP_IDS: idList.optional(),
  VOD_MAX_RPS: z.coerce.number().int().min(1).max(100, "must be at most 100, the upstream's own limit").default(50),
  VOD_EMULATOR_PORT: z.coerce.number().int().min(1).max(65535).default(EMULATOR_DEFAULTS.port),
  VOD_EMULATOR_KEYS: z.string().trim().default(EMULATOR_DEFAULTS.keys),
  VOD_EMULATOR_SUBAPPS: idList.prefault(EMULATOR_DEFAULTS.subApps),
});

/**
 * `host[:port]` means https, as the SDK assumes; a full URL chooses its own scheme. Errors say
 * what is wrong without repeating the value, which may hold a password someone put there.
 */
export function parseEndpoint(text: string): Endpoint {
  const bad = (why: string) => new Error(`VOD_ENDPOINT ${why}`);
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw bad("must be host[:port] or a URL such as http://127.0.0.1:4510");
  }
  if (url.username || url.password) throw bad("must not hold a user name or password: the API's credentials go in TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY");
  if (url.protocol !== "http:" && url.protocol !== "https:") throw bad("must use http or https");
  if (url.pathname !== "/" || url.search || url.hash) throw bad("must name a host (and port) only, without a path");
  return { protocol: url.protocol === "http:" ? "http://" : "https://", host: url.host };
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ");
}

/** Reads the environment. Without credentials the dashboard talks to the bundled emulator. */
export function readServerEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  // An exported-but-empty variable (FOO=) means unset, as in most shells' configuration files.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ""));
  const parsed = schema.safeParse(present);
  if (!parsed.success) throw new Error(`Invalid configuration: ${describeIssues(parsed.error)}`);
  const env = parsed.data;
  if (Boolean(env.TENCENTCLOUD_SECRET_ID) !== Boolean(env.TENCENTCLOUD_SECRET_KEY)) {
    throw new Error("Invalid configuration: set both TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, or neither");
  }
  if (env.TENCENTCLOUD_SECRET_ID && env.TENCENTCLOUD_SECRET_KEY) {
    return {
      mode: "live",
      credential: { secretId: env.TENCENTCLOUD_SECRET_ID, secretKey: env.TENCENTCLOUD_SECRET_KEY, token: env.TENCENTCLOUD_SESSION_TOKEN },
      endpoint: parseEndpoint(env.VOD_ENDPOINT ?? DEFAULT_ENDPOINT),
      subAppIds: env.VOD_SUBAPP_IDS ?? [],
      maxRps: env.VOD_MAX_RPS,
    };
  }
  const [secretId, ...rest] = env.VOD_EMULATOR_KEYS.split(",")[0].split(":");
  return {
    mode: "emulator",
    credential: { secretId, secretKey: rest.join(":") },
    endpoint: parseEndpoint(env.VOD_ENDPOINT ?? `http://127.0.0.1:${env.VOD_EMULATOR_PORT}`),
    subAppIds: env.VOD_SUBAPP_IDS ?? env.VOD_EMULATOR_SUBAPPS,
    maxRps: env.VOD_MAX_RPS,
  };
}

let cached: ServerEnv | undefined;

/** The environment, parsed once per process; its credentials never reach a log line from then on. */
export function serverEnv(): ServerEnv {
  if (!cached) {
    cached = readServerEnv();
    for (const value of Object.values(cached.credential)) redactFromLogs(value);
  }
  return cached;
}
