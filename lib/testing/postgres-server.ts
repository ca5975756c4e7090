import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface PostgresServer {
  /** postgres://…/postgres on loopback; `database(name)` for a fresh database of its own. */
  url: string;
  database(name: string): Promise<string>;
  /** Stops the server, keeping its data, as an outage would; `resume()` starts it again on the same port. */
  pause(): void;
  resume(): void;
  stop(): void;
}

/** Debian's server binaries (package `postgresql`), the newest installed version. */
export function postgresBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return undefined;
  const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
  return versions[0] && path.join(root, versions[0], "bin");
}

/** A free loopback port: any, or one of `range` (inclusive) when given. */
export async function freePort(range?: readonly [number, number]): Promise<number> {
  if (!range) return listenOn(0);
  for (let tries = 0; tries < 50; tries++) {
    const port = range[0] + Math.floor(Math.random() * (range[1] - range[0] + 1));
    try {
      return await listenOn(port);
    } catch {
      // taken: try another
    }
  }
  throw new Error(`no free port in ${range[0]}-${range[1]}`);
}

function listenOn(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A real Postgres server of the tests' own, in a temporary directory on a free loopback port,
 * trusting local connections. Postgres refuses to run as root, so as root it runs as the
 * `postgres` user the Debian package creates. `stop()` shuts it down and removes the directory.
 */
export async function startPostgres(options: { ports?: readonly [number, number] } = {}): Promise<PostgresServer> {
  const bin = postgresBin();
  if (!bin) throw new Error("Postgres is not installed: apt-get install postgresql (.ci/run does)");
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vod-pg-"));
  fs.chmodSync(dir, 0o755);
  const data = path.join(dir, "data");
  if (asRoot) execFileSync("chown", ["postgres:postgres", dir]);
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, command), ...args]] : [path.join(bin, command), args];
    const result = spawnSync(file, argv, { encoding: "utf8", timeout: 60_000 });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };
  const port = await freePort(options.ports);
  const start = () => run("pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-w", "-t", "60", "start",
    "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200`]);
  try {
    run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
    start();
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    async database(name: string) {
      const { default: pg } = await import("pg");
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    pause: () => run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]),
    resume: start,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A fresh database of `server`'s with the store's schema, as a server starting on it would leave it. */
export async function migratedDatabase(server: PostgresServer, name: string): Promise<string> {
  const { migrate } = await import("@/lib/store/migrations");
  const { openPostgres } = await import("@/lib/store/postgres-engine");
  const url = await server.database(name);
  const engine = openPostgres(url);
  try {
    await migrate(engine);
  } finally {
    await engine.close();
  }
  return url;
}
