import { existsSync } from "node:fs";

/**
 * Debian's Chromium where it is installed (Playwright cannot download a browser here), else
 * undefined: a browser Playwright installed itself. CHROMIUM_PATH overrides both.
 */
export function chromiumPath(): string | undefined {
  return [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p): p is string => Boolean(p && existsSync(p)));
}

/** Chromium's flags for a container without a sandbox, a GPU or the internet, for the browser tests and the benches. */
export const CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"];

/**
 * Composite in software in the browser itself rather than through an emulated GPU process: a third
 * less CPU for the same specs (user time of two spec files at two sizes: 37 s instead of 57 s),
 * which the two-core machine's three test workers need. The benches leave these out, so that their
 * browser figures stay comparable with the runs before.
 */
export const SOFTWARE_COMPOSITING_FLAGS = ["--disable-gpu-compositing", "--disable-software-rasterizer"];
