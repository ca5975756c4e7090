/**
 * The dashboard's server without the pages (no `next build` needed): every API route and the mirror,
 * exactly as scripts/server.ts runs them, with a 404 where a page would be. For the store's restart
 * bench (bench/store/restart.ts), which measures the server's own work, not the pages.
 */
import { register } from "node:module";

register("../../scripts/server-only-hook.mjs", import.meta.url);

const { main } = await import("../../lib/server/main");
main(process.argv.slice(2), async () => ({
  renderPage: async (_req, res) => {
    res.statusCode = 404;
    res.end();
  },
})).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
