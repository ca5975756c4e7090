import "server-only";
import path from "node:path";
import { pathToFileURL } from "node:url";

type PageData = typeof import("./page-data");

/**
 * The pages' way to the server's state. Next.js bundles what a page imports, and a bundled copy
 * of the gateway or the mirrors would be a second instance beside the one the server runs. So the
 * bundler is told to leave this import alone: at run time Node resolves it to the module the
 * server itself loaded (the server runs from the project's root), one instance per process.
 */
export function pageData(): Promise<PageData> {
  const url = pathToFileURL(path.join(process.cwd(), "lib", "server", "page-data.ts")).href;
  return import(/* webpackIgnore: true */ /* turbopackIgnore: true */ url);
}
