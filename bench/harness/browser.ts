import { existsSync } from "node:fs";
import { chromium, type Browser } from "@playwright/test";

const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"];

/** Debian's Chromium (or CHROMIUM_PATH), as the browser tests use it. */
export function chromiumPath(): string | undefined {
  return [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p): p is string => Boolean(p && existsSync(p)));
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error("no Chromium: install it (apt-get install chromium) or set CHROMIUM_PATH");
  return chromium.launch({ executablePath, args: FLAGS, headless: true });
}

/** Whether the production server has the page (the UI may not be built yet). */
export async function pageExists(baseUrl: string, path: string): Promise<boolean> {
  const response = await fetch(`${baseUrl}${path}`);
  await response.arrayBuffer();
  return response.ok;
}

export const TASK_ROW = '[role="row"][data-task-id]';
