import { gzipSync } from "node:zlib";
import { startEmulatorProcess } from "../harness/emulator";
import type { Figure } from "../harness/figure";
import { round } from "../harness/numbers";
import { type FigureRow, row, unavailable } from "../harness/report";
import { ensureBuild, startDashboard } from "../harness/server";

const PAGES = ["/", "/oncall"];
const LIMIT_KB = 300;

/** Every JavaScript file the page's HTML makes the browser load at once: scripts and script preloads. */
function scriptUrls(html: string): string[] {
  const urls = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js[^"]*)"/g)) urls.add(match[1]);
  for (const match of html.matchAll(/<link\b[^>]*\brel="(?:preload|modulepreload)"[^>]*>/g)) {
    const tag = match[0];
    const href = /\bhref="([^"]+\.js[^"]*)"/.exec(tag)?.[1];
    if (href && (/\bas="script"/.test(tag) || /modulepreload/.test(tag))) urls.add(href);
  }
  return [...urls].map((u) => u.replaceAll("&amp;", "&"));
}

export const bundle: Figure = {
  id: "bundle",
  title: "bundle: first-load JavaScript of / and /oncall, gzip",
  async run(ctx) {
    ensureBuild(ctx.log);
    const emulator = await startEmulatorProcess({ tasksPerHour: 600 });
    const server = await startDashboard(emulator);
    const rows: FigureRow[] = [];
    for (const page of PAGES) {
      const metric = `first-load JS of ${page} (gzip)`;
      const response = await fetch(`${server.url}${page}`);
      if (!response.ok) {
        rows.push(unavailable("bundle", metric, "KB", { op: "<=", limit: LIMIT_KB }, `${page} answers HTTP ${response.status} (the page does not exist yet)`));
        continue;
      }
      const urls = scriptUrls(await response.text());
      let raw = 0;
      let gzipped = 0;
      for (const url of urls) {
        const body = Buffer.from(await (await fetch(new URL(url, server.url))).arrayBuffer());
        raw += body.length;
        gzipped += gzipSync(body, { level: 9 }).length;
      }
      rows.push(row("bundle", metric, round(gzipped / 1024, 1), "KB", { op: "<=", limit: LIMIT_KB },
        `${urls.length} scripts, ${round(raw / 1024, 0)} KB before gzip (level 9, each file on its own, as a server sends them)`));
    }
    await server.stop();
    await emulator.stop();
    return rows;
  },
};
