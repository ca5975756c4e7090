/**
 * The dashboard's server process, for `npm start` (production build) and `npm run dev` (--dev).
 * Everything runs in one module graph, loaded once by Node; see lib/server/http-server.ts.
 */
import { register } from "node:module";

// Outside Next's bundler nothing sets the "react-server" condition, so the "server-only" marker
// would throw. Registered before any server module is loaded, hence the dynamic import below.
register("./server-only-hook.mjs", import.meta.url);

const { main } = await import("../lib/server/main");
main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
