/**
 * simulateViewers in a process of its own: `node --import tsx bench/harness/viewers-child.ts` with a
 * JSON array of simulateViewers options as its one argument; prints the runs as JSON, in the same
 * order. For figures whose emulator runs in the bench's own process (the replica cluster): 1,000
 * viewers' timers and fetches would otherwise share its event loop with the upstream they measure.
 */
import { simulateViewers, type ViewerRun } from "./viewers";

const groups = JSON.parse(process.argv[2] ?? "[]") as Parameters<typeof simulateViewers>[0][];
const runs: ViewerRun[] = await Promise.all(groups.map((options) => simulateViewers(options)));
process.stdout.write(JSON.stringify(runs));
