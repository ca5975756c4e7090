/**
 * The benchmark suite: `npm run bench` (everything, several minutes) or `npm run bench:quick`
 * (a smaller version of each, under two minutes). `--only=a,b` runs some figures by id.
 * Prints a table, writes bench/results/latest.json and exits 1 when a target is missed.
 */
import { bundle } from "./figures/bundle";
import { emulatorPage } from "./figures/emulator-page";
import { firstRows } from "./figures/first-rows";
import { hostile } from "./figures/hostile";
import { mirror } from "./figures/mirror";
import { outcomes } from "./figures/outcomes";
import { proxyOverhead } from "./figures/proxy-overhead";
import { replicas } from "./figures/replicas";
import { servedThroughput } from "./figures/served-throughput";
import { store } from "./figures/store";
import { storeStats } from "./figures/store-stats";
import { upstreamEconomy } from "./figures/upstream-economy";
import { virtualisation } from "./figures/virtualisation";
import os from "node:os";
import type { Figure } from "./harness/figure";
import { stopAll } from "./harness/processes";
import { type FigureRow, printTable, writeResults } from "./harness/report";

const FIGURES: Figure[] = [upstreamEconomy, proxyOverhead, servedThroughput, emulatorPage, mirror, outcomes, store, storeStats, replicas, firstRows, virtualisation, bundle, hostile];

function parseArgs(argv: string[]) {
  const quick = argv.includes("--quick");
  const onlyArg = argv.find((a) => a.startsWith("--only="));
  const only = onlyArg ? onlyArg.slice("--only=".length).split(",").filter(Boolean) : undefined;
  const unknown = only?.filter((id) => !FIGURES.some((f) => f.id === id));
  if (unknown?.length) {
    console.error(`unknown figure ${unknown.join(", ")}; figures: ${FIGURES.map((f) => f.id).join(", ")}`);
    process.exit(2);
  }
  return { quick, only };
}

async function main(): Promise<void> {
  const { quick, only } = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const rows: FigureRow[] = [];
  for (const figure of FIGURES.filter((f) => !only || only.includes(f.id))) {
    const t0 = Date.now();
    const log = (line: string) => console.log(`[${figure.id} +${((Date.now() - t0) / 1000).toFixed(1)}s] ${line}`);
    log(`${figure.title}${quick ? " (quick)" : ""}`);
    try {
      const result = await figure.run({ quick, log });
      // Other work on the machine skews every figure: keep the load next to the numbers.
      const load = Math.round(os.loadavg()[0] * 100) / 100;
      if (load > os.cpus().length * 0.75) log(`warning: load average ${load} on ${os.cpus().length} CPUs: other work is competing with this figure`);
      rows.push(...result.map((r) => ({ ...r, load })));
      for (const r of result) log(`${r.metric}: ${r.value ?? "n/a"} ${r.unit} (target ${r.target}) ${r.pass ? "pass" : "MISS"}${r.note ? ` — ${r.note}` : ""}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`failed: ${message}`);
      rows.push({ figure: figure.id, metric: figure.title, value: null, unit: "", target: "runs", pass: false, note: `failed: ${message.split("\n")[0]}` });
    } finally {
      await stopAll({ shared: false });
    }
  }
  await stopAll();
  const durationS = Math.round((Date.now() - started) / 1000);
  printTable(rows);
  const file = writeResults(rows, { quick, only, startedAt: new Date(started).toISOString(), durationS });
  const missed = rows.filter((r) => !r.pass).length;
  console.log(`${rows.length - missed}/${rows.length} figures meet their targets (${durationS} s); results in ${file}`);
  process.exit(missed ? 1 : 0);
}

main().catch(async (error: unknown) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});
