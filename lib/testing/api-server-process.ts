/**
 * The dashboard's server process without Next.js: the same edge, API routes, mirrors, store,
 * gateway and replica roles as `npm start` runs, with pages answered 404. Tests that start
 * several servers at once (lib/replicas/) use it: no build needed, and a fraction of the memory.
 */
import { register } from "node:module";

register("../../scripts/server-only-hook.mjs", import.meta.url);

const { main } = await import("../server/main");
main(process.argv.slice(2), async () => ({
  renderPage: async (_req, res) => {
    res.statusCode = 404;
    res.end("This test server answers the API only.");
  },
})).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
