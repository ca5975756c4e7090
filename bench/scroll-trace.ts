/**
 * Where a scroll step's time goes. Loads `--rows` task rows into the dashboard, then scrolls through
 * them one screen per frame exactly as the virtualisation figure does, under a Chromium trace, and
 * prints the CPU time per step of the renderer's main thread (with its React event, style, layout and
 * paint parts), the display compositor and the raster workers, besides the longest frame. Point it at
 * servers built from two commits to compare them.
 *
 *   npx tsx bench/scroll-trace.ts [--base http://127.0.0.1:3000] [--rows 5000]
 *
 * Needs a running dashboard (npm start) and Chromium (/usr/bin/chromium or CHROMIUM_PATH).
 */
import { parseArgs } from "node:util";
import { launchChromium, TASK_ROW } from "./harness/browser";
import { loadRows, scrollThrough, VIEW } from "./figures/virtualisation";

const { values } = parseArgs({
  options: {
    base: { type: "string", default: "http://127.0.0.1:3000" },
    rows: { type: "string", default: "5000" },
  },
});

const CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink", "cc", "viz"];

interface TraceEvent { ph: string; name: string; pid: number; tid: number; dur?: number; args?: { name?: string } }

/** Milliseconds spent in complete events named `name` on threads whose name matches `thread`. */
function timeIn(events: TraceEvent[], thread: RegExp, name: string): number {
  const threads = new Map<string, string>();
  for (const e of events) if (e.name === "thread_name") threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? "");
  return events
    .filter((e) => e.ph === "X" && e.name === name && thread.test(threads.get(`${e.pid}:${e.tid}`) ?? ""))
    .reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0);
}

async function main() {
  const rows = Number(values.rows);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // tsx compiles the functions handed to page.evaluate with esbuild's name-keeping helper, which the page lacks.
    await page.addInitScript({ content: "globalThis.__name = (fn) => fn;" });
    await page.goto(`${values.base}${VIEW}`);
    await page.locator(TASK_ROW).first().waitFor({ timeout: 30_000 });
    await loadRows(page, rows, console.log);
    await browser.startTracing(page, { categories: CATEGORIES });
    const scroll = await scrollThrough(page, rows);
    const { traceEvents } = JSON.parse((await browser.stopTracing()).toString("utf8")) as { traceEvents: TraceEvent[] };
    const perStep = (thread: RegExp, name: string) => (timeIn(traceEvents, thread, name) / scroll.steps).toFixed(1);
    const main = /^CrRendererMain$/;
    console.log(`${scroll.steps} one-screen steps over ${rows} rows; longest frame ${scroll.maxDelta.toFixed(1)} ms (under tracing)`);
    console.log(`per step, ms: main thread ${perStep(main, "RunTask")} (React event ${perStep(main, "EventDispatch")}, ` +
      `style ${perStep(main, "UpdateLayoutTree")}, layout ${perStep(main, "Layout")}, paint ${perStep(main, "Paint")}); ` +
      `display compositor ${perStep(/^VizCompositorThread$/, "RunTask")}; raster ${perStep(/^ThreadPoolForegroundWorker$/, "RasterTask")}`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
