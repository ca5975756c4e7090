import path from "node:path";
import type { EmulatorProcess } from "./emulator";
import { freePort } from "./ports";
import { bin, ROOT, startProcess, waitFor, type Managed } from "./processes";

export interface NaiveProxy {
  url: string;
  process: Managed;
  stop(): Promise<void>;
}

export async function startNaiveProxy(emulator: EmulatorProcess): Promise<NaiveProxy> {
  const port = await freePort();
  const managed = startProcess("naive proxy", bin("tsx"), [path.join(ROOT, "bench", "naive-proxy.ts")], {
    ...process.env,
    PORT: String(port),
    VOD_ENDPOINT: emulator.url,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor("the naive proxy", async () => (await fetch(`${url}/health`)).status === 404, 30_000, managed);
  return { url, process: managed, stop: () => managed.stop() };
}
