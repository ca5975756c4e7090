import os from "node:os";
import type { ReplicaHealth } from "@/lib/model/health";
import type { CollectorLease } from "./collector-lease";

/** Stable for the process's life: its host and pid. */
export const REPLICA_ID = `${os.hostname()}:${process.pid}`;

let lease: CollectorLease | undefined;

/** Set once replicas share a Postgres store; without it this process is the one replica, and collects. */
export function adoptCollectorLease(next: CollectorLease | undefined): void {
  lease = next;
}

/** Whether this process reads upstream for the mirrors (fill, syncs, outcomes) and writes the store. */
export function isCollector(): boolean {
  return !lease || lease.role === "collector";
}

/** GET /api/health's `replica` (CONTRACT §8). */
export function replicaHealth(): ReplicaHealth {
  if (!lease) return { id: REPLICA_ID, role: "collector", collector: REPLICA_ID };
  return { id: REPLICA_ID, role: lease.role, collector: lease.collector };
}
