// Measures the mirror against a running emulator (or any upstream): fill time against the budget's
// floor, upstream calls per refresh, and the process's memory with the window mirrored.
//
//   VOD_EMULATOR_TASKS_PER_HOUR=14000 VOD_EMULATOR_SUBAPPS=1500000001 VOD_EMULATOR_PORT=4599 npm run emulator &
//   NODE_OPTIONS=--conditions=react-server VOD_ENDPOINT=http://127.0.0.1:4599 VOD_MAX_RPS=90 npx tsx lib/mirror/bench/measure.ts
import { readServerEnv } from "@/lib/config/server-env";
import { createGateway } from "@/lib/vod/gateway";
import { createRequestBudget } from "@/lib/vod/request-budget";
import { createSdkSender } from "@/lib/vod/sdk-sender";
import { Mirror } from "../mirror";
import { createPacer } from "../pacer";

process.env.VOD_LOG = "silent";
const env = readServerEnv();
const refreshes = Number(process.env.REFRESHES ?? 12);
const gateway = createGateway({ send: createSdkSender(env), budget: createRequestBudget(env.maxRps) });
const endpoint = `${env.endpoint.protocol}${env.endpoint.host}`;
const emulatorStats = async () => (await (await fetch(`${endpoint}/__emulator/stats`)).json()) as { requests: Record<string, number>; errors: Record<string, number> };
const mb = (bytes: number) => Math.round(bytes / 1048576);

const mirror = new Mirror({ gateway: () => gateway, subAppId: env.subAppIds[0], pacer: createPacer(8), timer: false });
const before = await emulatorStats();
const started = performance.now();
await mirror.sync();
const fillSeconds = (performance.now() - started) / 1_000;
const tasks = mirror.table.count;
const floor = tasks / 100 / env.maxRps;
const afterFill = await emulatorStats();
global.gc?.();
console.log(JSON.stringify({
  tasks, fillSeconds: +fillSeconds.toFixed(2), floorSeconds: +floor.toFixed(2), ratio: +(fillSeconds / floor).toFixed(3),
  calls: (afterFill.requests.DescribeTasks ?? 0) - (before.requests.DescribeTasks ?? 0),
  rateLimited: (afterFill.errors.RequestLimitExceeded ?? 0) - (before.errors.RequestLimitExceeded ?? 0),
  rssMB: mb(process.memoryUsage().rss), heapUsedMB: mb(process.memoryUsage().heapUsed), health: mirror.health(),
}));

const t = performance.now();
const stats = mirror.stats({ sort: "createTime:desc", limit: 50 });
console.log(JSON.stringify({ statsMs: Math.round(performance.now() - t), counted: stats.coverage.tasksCounted, rssMB: mb(process.memoryUsage().rss) }));

const costs: number[] = [];
for (let i = 0; i < refreshes; i++) {
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const a = await emulatorStats();
  await mirror.sync();
  const b = await emulatorStats();
  costs.push((b.requests.DescribeTasks ?? 0) - (a.requests.DescribeTasks ?? 0));
}
const mean = costs.reduce((x, y) => x + y, 0) / Math.max(1, costs.length);
console.log(JSON.stringify({ refreshCosts: costs, mean: +mean.toFixed(2), max: Math.max(...costs), rssMB: mb(process.memoryUsage().rss), health: mirror.health() }));
process.exit(0);
