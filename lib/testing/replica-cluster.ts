import http from "node:http";
import { startEmulator, type RunningEmulator } from "@/lib/emulator/server";
import { COUNTING_KEY } from "./emulator-count";
import { freePort, startPostgres, type PostgresServer } from "./postgres-server";
import { startReplicaProcess, type ReplicaProcess } from "./replica-process";

/** Ports these tests may take: dashboards, the emulator, Postgres. */
const PORTS = { replicas: [3500, 3599], emulator: [4900, 4999], postgres: [5500, 5599] } as const;

export const SUB_APP_ID = 1500000001;

export interface ReplicaInfo {
  id: string;
  role: "collector" | "follower";
  collector: string | null;
}

export interface EmulatorStats {
  requests: Record<string, number>;
  errors: Record<string, number>;
  peakPerSecond: number;
}

export interface ReplicaCluster {
  postgres: PostgresServer;
  emulator: RunningEmulator;
  databaseUrl: string;
  replicas: ReplicaProcess[];
  /** Starts one more replica with the cluster's settings. */
  add(): Promise<ReplicaProcess>;
  emulatorStats(): Promise<EmulatorStats>;
  stop(): Promise<void>;
}

/**
 * A real Postgres, the emulator, and `count` dashboard processes sharing that store, on loopback
 * ports of this suite's ranges. `env` goes to every replica.
 */
export async function startReplicaCluster(count: number, env: Record<string, string>, tasksPerHour = 300): Promise<ReplicaCluster> {
  const postgres = await startPostgres({ ports: PORTS.postgres });
  const emulator = await startEmulator({ port: await freePort(PORTS.emulator), seed: 7, tasksPerHour, subApps: [SUB_APP_ID],
    keys: { AKIDemulator: "emulator-secret", [COUNTING_KEY.id]: COUNTING_KEY.secret } });
  const databaseUrl = await postgres.database("replicas");
  const replicas: ReplicaProcess[] = [];
  const replicaEnv = {
    DATABASE_URL: databaseUrl, VOD_EMULATOR_PORT: String(emulator.port), VOD_EMULATOR_SUBAPPS: String(SUB_APP_ID), ...env,
  };
  const add = async () => {
    const replica = await startReplicaProcess(await freePort(PORTS.replicas), replicaEnv);
    replicas.push(replica);
    return replica;
  };
  try {
    await Promise.all(Array.from({ length: count }, add));
  } catch (error) {
    await Promise.all(replicas.map((replica) => replica.kill("SIGKILL")));
    await emulator.close();
    postgres.stop();
    throw error;
  }
  return {
    postgres, emulator, databaseUrl, replicas, add,
    emulatorStats: async () => (await fetch(`${emulator.url}/__emulator/stats`)).json() as Promise<EmulatorStats>,
    async stop() {
      // Not SIGTERM: a graceful stop waits for the tests' keep-alive connections to close.
      await Promise.all(replicas.map((replica) => replica.kill("SIGKILL")));
      await emulator.close();
      postgres.stop();
    },
  };
}

export async function replicaInfo(replica: ReplicaProcess): Promise<ReplicaInfo & { status: string; storeOk: boolean }> {
  const { body } = await replica.get<{ status: string; replica: ReplicaInfo; store?: { ok: boolean } }>("/api/health");
  return { ...body.replica, status: body.status, storeOk: body.store?.ok ?? false };
}

/** Polls `probe` until it returns something other than undefined, or throws after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms${lastError ? ` (${String(lastError)})` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** A GET from a chosen loopback address, so that one test can be several clients of a replica. */
export function getFrom(url: string, from: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(url, { localAddress: from, agent: false, timeout: 20_000 }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    request.on("error", () => resolve(0));
    request.on("timeout", () => request.destroy());
  });
}
