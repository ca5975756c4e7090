/** `npm run build`: the production build, stamped with the code it built, so `npm start` does not build it again. */
import path from "node:path";
import { buildDashboard } from "./build-stamp";

try {
  buildDashboard(path.resolve(import.meta.dirname, ".."));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
