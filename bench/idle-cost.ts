/**
 * What a page costs the browser while nobody touches it: a wall screen or a forgotten tab runs all
 * day. Opens the page in Chromium, waits until its rows are in and it has settled, then reads the
 * renderer's own counters (CDP Performance.getMetrics) over a stretch of rest and prints the share
 * of that time the renderer's main thread was busy, and how often it recalculated style and layout.
 *
 *   npx tsx bench/idle-cost.ts [--base http://127.0.0.1:3000] [--path /] [--seconds 30]
 *
 * Needs a running dashboard (npm start) and Chromium (/usr/bin/chromium or CHROMIUM_PATH).
 */
import { parseArgs } from "node:util";
import { launchChromium, TASK_ROW } from "./harness/browser";

const { values } = parseArgs({
  options: {
    base: { type: "string", default: "http://127.0.0.1:3000" },
    path: { type: "string", default: "/" },
    seconds: { type: "string", default: "30" },
  },
});

type Metrics = Record<string, number>;

async function main() {
  const seconds = Number(values.seconds);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${values.base}${values.path}`);
    if (values.path === "/" || values.path.startsWith("/?")) await page.locator(TASK_ROW).first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(5_000); // charts, the first refresh and hydration's own work are done by then
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    const read = async (): Promise<Metrics> => {
      const { metrics } = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] };
      return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
    };
    const before = await read();
    await page.waitForTimeout(seconds * 1_000);
    const after = await read();
    const share = (name: string) => `${(((after[name] - before[name]) / seconds) * 100).toFixed(1)}%`;
    const count = (name: string) => after[name] - before[name];
    console.log(`${values.path} at rest for ${seconds} s: renderer main thread busy ${share("TaskDuration")} of the time ` +
      `(script ${share("ScriptDuration")}, style ${share("RecalcStyleDuration")}, layout ${share("LayoutDuration")}); ` +
      `${count("RecalcStyleCount")} style recalculations, ${count("LayoutCount")} layouts`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
