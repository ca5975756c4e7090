import "server-only";
import { randomBytes } from "node:crypto";
import { redactFromLogs } from "@/lib/log";
import { dashboardEnv } from "./dashboard-env";

let secret: Buffer | undefined;

/**
 * The key that signs what the dashboard hands out and must get back unaltered (cursors, sessions).
 * DASHBOARD_SECRET when set; otherwise random bytes made once for this process, so cursors from
 * before a restart are refused as any unknown cursor is (the reader starts the list again).
 */
export function dashboardSecret(): Buffer {
  if (!secret) {
    secret = dashboardEnv().secret ?? randomBytes(32);
    redactFromLogs(process.env.DASHBOARD_SECRET?.trim());
  }
  return secret;
}
