import "server-only";
import { randomBytes } from "node:crypto";
import { redactFromLogs } from "@/lib/log";
import { dashboardEnv } from "./dashboard-env";

let secret: Buffer | undefined;

/**
 * The key that signs what the dashboard hands out and must get back unaltered (cursors, sessions).
 * DASHBOARD_SECRET when set; otherwise the one generated once and kept in the task store (see
 * adoptKeptSecret); without a store, random bytes made for this process alone.
 */
export function dashboardSecret(): Buffer {
  if (!secret) {
    secret = dashboardEnv().secret ?? randomBytes(32);
    redactFromLogs(process.env.DASHBOARD_SECRET?.trim());
  }
  return secret;
}

/**
 * Adopts the secret kept in the task store (CONTRACT §7: generated once and kept there, so
 * restarts and replicas share it). DASHBOARD_SECRET, when set, wins and the store is not asked.
 */
export function adoptKeptSecret(bytes: Buffer): void {
  if (dashboardEnv().secret) return;
  if (bytes.length < 32) throw new Error("the secret kept in the task store is too short");
  secret = bytes;
  redactFromLogs(bytes.toString("hex"));
}
