import os from "node:os";
import type { ReplicaHealth } from "@/lib/model/health";
import type { LeaseTerm } from "@/lib/store/task-store";
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

/** The lease's term while this process collects under one; undefined without a lease (one replica: its marks are not fenced). */
export function collectorTerm(): LeaseTerm | undefined {
  return lease?.term();
}

/** GET /api/health's `replica` (CONTRACT §8). */
export function replicaHealth(): ReplicaHealth {
  if (!lease) return { id: REPLICA_ID, role: "collector", collector: REPLICA_ID };
  return { id: REPLICA_ID, role: lease.role, collector: lease.collector };
}
