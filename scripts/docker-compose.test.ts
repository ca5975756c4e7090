import fs from "node:fs";
import path from "node:path";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";

// deploy/docker-compose.yml cannot be started here (no Docker): what can be checked without it is.
// js-yaml resolves YAML merge keys (`<<: *replica`) as Compose does.

const ROOT = path.resolve(import.meta.dirname, "..");
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  hostname?: string;
  env_file?: string | string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }> | string[];
  healthcheck?: { test: string[] };
  ports?: string[];
  volumes?: string[];
}

const compose = load(read("deploy/docker-compose.yml")) as { services: Record<string, Service> };
const replicas = Object.entries(compose.services).filter(([name]) => name.startsWith("replica-"));

/** Every variable name the server's code reads: written out in its non-test sources. */
const sources = ["lib", "scripts"].flatMap((dir) => fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
  .filter((file) => /\.tsx?$/.test(file) && !file.includes(".test.") && !file.startsWith("testing/"))
  .map((file) => read(path.join(dir, file)))).join("\n");
const readByTheCode = (name: string) => new RegExp(`\\b${name}\\b`).test(sources);

describe("deploy/docker-compose.yml", () => {
  it("runs three replicas of the image on one Postgres, each with DATABASE_URL, its own host name and a healthcheck on /api/health", () => {
    expect(replicas.map(([name]) => name)).toEqual(["replica-1", "replica-2", "replica-3"]);
    const postgres = compose.services.postgres;
    expect(postgres.image).toMatch(/^postgres:(1[5-9]|[2-9]\d)/);
    expect(postgres.healthcheck?.test.join(" ")).toMatch(/pg_isready/);
    for (const [, replica] of replicas) {
      expect(replica.build).toEqual({ context: "..", dockerfile: "Dockerfile" });
      const url = new URL(replica.environment!.DATABASE_URL.replace("${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}", "pass"));
      expect([url.protocol, url.hostname, url.port, url.pathname]).toEqual(["postgres:", "postgres", "5432", `/${postgres.environment!.POSTGRES_DB}`]);
      expect(url.username).toBe(postgres.environment!.POSTGRES_USER);
      expect(replica.environment!.HOST).toBe("0.0.0.0");
      expect(replica.env_file).toBe("vod.env");
      expect(replica.depends_on).toEqual({ postgres: { condition: "service_healthy" } });
      expect(replica.healthcheck?.test.join(" ")).toContain(`http://127.0.0.1:${replica.environment!.PORT}/api/health`);
    }
    // The replica id is host:pid, and each container's server may well have the same pid.
    expect(new Set(replicas.map(([, replica]) => replica.hostname)).size).toBe(3);
  });

  it("names only variables the code reads, and the env file's example only those too", () => {
    const names = new Set(replicas.flatMap(([, replica]) => Object.keys(replica.environment!)));
    const example = read("deploy/vod.env.example").split("\n").filter((line) => /^[A-Z_]+=/.test(line)).map((line) => line.split("=")[0]);
    for (const name of [...names, ...example]) expect(readByTheCode(name), name).toBe(true);
    for (const name of ["DATABASE_URL", "VOD_MAX_RPS", "DASHBOARD_URL", "PORT", "HOST"]) expect(names).toContain(name);
    for (const name of ["TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "DASHBOARD_SECRET", "DASHBOARD_AUTH"]) expect(example).toContain(name);
    expect(read(".dockerignore")).toMatch(/^deploy\/vod\.env$/m);
  });

  it("balances over every replica on the port it listens on, and publishes only the load balancer", () => {
    const nginx = read("deploy/nginx.conf");
    const upstream = [...nginx.matchAll(/^\s*server ([\w-]+):(\d+)/gm)].map((match) => [match[1], match[2]]);
    expect(upstream).toEqual(replicas.map(([name, replica]) => [name, replica.environment!.PORT]));
    expect(compose.services.lb.volumes).toContain("./nginx.conf:/etc/nginx/nginx.conf:ro");
    expect(Object.entries(compose.services).filter(([, service]) => service.ports).map(([name]) => name)).toEqual(["lb"]);
  });

  it("builds with npm ci and npm run build, and starts as npm start does", () => {
    const dockerfile = read("Dockerfile");
    expect(dockerfile).toMatch(/^RUN npm ci$/m);
    expect(dockerfile).toMatch(/^RUN npm run build$/m);
    const start = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts.start;
    expect(start).toBe("tsx scripts/start.ts");
    expect(dockerfile).toMatch(/^CMD \["node", "--import", "tsx", "scripts\/start\.ts"\]$/m);
  });
});
