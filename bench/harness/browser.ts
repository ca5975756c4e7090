import { chromium, type Browser } from "@playwright/test";
import { CHROMIUM_FLAGS, chromiumPath } from "../../e2e/support/chromium";

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error("no Chromium: install it (apt-get install chromium) or set CHROMIUM_PATH");
  return chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true });
}

/** Whether the production server has the page (the UI may not be built yet). */
export async function pageExists(baseUrl: string, path: string): Promise<boolean> {
  const response = await fetch(`${baseUrl}${path}`);
  await response.arrayBuffer();
  return response.ok;
}

export const TASK_ROW = '[role="row"][data-task-id]';
