import type { Page } from "@playwright/test";
import { launchChromium, pageExists, TASK_ROW } from "../harness/browser";
import type { Figure } from "../harness/figure";
import { round } from "../harness/numbers";
import { type FigureRow, row, unavailable } from "../harness/report";
import { largeAccount } from "../harness/fixtures";

const ROWS_TARGET = { op: "<=" as const, limit: 150 };
const FRAME_TARGET = { op: "<=" as const, limit: 100 };
/** Pages of 100 and no polling: loading 10,000 rows takes 100 requests, nothing else moves. */
export const VIEW = "/?refresh=off&limit=100";

const loadedRows = (page: Page) => page.evaluate(() => Number(document.querySelector('[role="table"]')?.getAttribute("aria-rowcount") ?? 1) - 1);

/** Scrolls to the end until `want` rows are loaded: the table asks for the next page near its end. */
export async function loadRows(page: Page, want: number, log: (line: string) => void): Promise<number> {
  let loaded = await loadedRows(page);
  let stuckSince = Date.now();
  while (loaded < want) {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForTimeout(50);
    const now = await loadedRows(page);
    if (now > loaded) {
      if (Math.floor(now / 2_000) > Math.floor(loaded / 2_000)) log(`${now} rows loaded`);
      loaded = now;
      stuckSince = Date.now();
    } else if (Date.now() - stuckSince > 20_000) throw new Error(`the list stopped growing at ${loaded} rows`);
  }
  return loaded;
}

/** Scrolls from the top to the row `upTo` in steps of a screen, one step per frame; the longest frame and the most rows in the DOM. */
export async function scrollThrough(page: Page, upTo: number) {
  return page.evaluate(async (lastRow) => {
    const frame = () => new Promise<number>((resolve) => requestAnimationFrame((t) => resolve(t)));
    const longFrames: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longFrames.push(entry.duration);
    });
    try {
      observer.observe({ type: "long-animation-frame", buffered: false });
    } catch {
      // older Chromium: the frame-to-frame times below still tell
    }
    window.scrollTo(0, 0);
    await frame();
    const rowTop = (document.querySelector('[role="rowgroup"] + [role="rowgroup"]') as HTMLElement | null)?.getBoundingClientRect().top ?? 0;
    const end = rowTop + window.scrollY + lastRow * 48 - window.innerHeight;
    let maxDelta = 0;
    let maxRows = 0;
    let last = await frame();
    let steps = 0;
    while (window.scrollY < end) {
      window.scrollBy(0, window.innerHeight);
      const t = await frame();
      maxDelta = Math.max(maxDelta, t - last);
      last = t;
      maxRows = Math.max(maxRows, document.querySelectorAll('[role="row"][data-task-id]').length);
      steps++;
    }
    await frame();
    observer.disconnect();
    return { maxDelta, maxRows, steps, longestAnimationFrame: longFrames.length ? Math.max(...longFrames) : 0 };
  }, upTo);
}

export const virtualisation: Figure = {
  id: "virtualisation",
  title: "virtualisation: DOM rows with 10,000 rows loaded, longest frame while scrolling",
  async run(ctx) {
    const want = ctx.quick ? 1_000 : 10_000;
    // A large account whose mirror is filled: the steady state of a running dashboard.
    const { server } = await largeAccount(ctx);
    if (!(await pageExists(server.url, "/"))) {
      return [
        unavailable("virtualisation", "task rows in the DOM", "rows", ROWS_TARGET, "the dashboard page / does not exist yet"),
        unavailable("virtualisation", "longest frame while scrolling", "ms", FRAME_TARGET, "the dashboard page / does not exist yet"),
      ];
    }
    const browser = await launchChromium();
    const rows: FigureRow[] = [];
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      // tsx compiles the functions handed to page.evaluate with esbuild's name-keeping helper, which the page lacks.
      await page.addInitScript({ content: "globalThis.__name = (fn) => fn;" });
      await page.goto(`${server.url}${VIEW}`);
      await page.locator(TASK_ROW).first().waitFor({ state: "visible", timeout: 30_000 });
      const started = Date.now();
      const loaded = await loadRows(page, want, ctx.log);
      ctx.log(`${loaded} rows loaded in ${round((Date.now() - started) / 1000, 1)} s; scrolling through them`);
      const domRowsAtEnd = await page.locator(TASK_ROW).count();
      const scroll = await scrollThrough(page, want);
      const longest = Math.max(scroll.maxDelta, scroll.longestAnimationFrame);
      rows.push(
        row("virtualisation", `task rows in the DOM with ${loaded} loaded`, Math.max(domRowsAtEnd, scroll.maxRows), "rows", ROWS_TARGET,
          `${domRowsAtEnd} at the end of the list, at most ${scroll.maxRows} while scrolling; viewport 1440×900`),
        row("virtualisation", "longest frame while scrolling", round(longest, 1), "ms", FRAME_TARGET,
          `${scroll.steps} one-screen scroll steps, one per frame, over ${want} rows; longest frame-to-frame time ${round(scroll.maxDelta, 1)} ms, longest long-animation-frame entry ${round(scroll.longestAnimationFrame, 1)} ms`),
      );
    } finally {
      await browser.close();
    }
    if (ctx.quick) for (const r of rows) r.note = `quick: ${want} rows, not 10,000; ${r.note}`;
    return rows;
  },
};
