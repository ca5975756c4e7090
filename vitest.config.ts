import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * Files that assert how the server holds up under load or paces its calls: they run after the
 * others, one at a time, so that their figures measure the code and not the files running beside them.
 */
const PACED_TEST_FILES = ["lib/server/http-server.test.ts", "lib/mirror/emulator.test.ts", "lib/replicas/replicas.test.ts"];

export default defineConfig({
  resolve: {
    alias: {
      "@/": root,
      // "server-only" throws outside React Server Components; tests run the server code directly.
      "server-only": fileURLToPath(new URL("./lib/testing/server-only.ts", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    setupFiles: ["lib/testing/clean-env.ts"],
    // Most test files wait on sockets, timers and child processes rather than compute: four at a time
    // keep a two-core machine busy (the default, one per core, leaves it mostly idle). `npm run
    // test:unit` then runs the paced project with --maxWorkers=1.
    maxWorkers: 4,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["{app,components,lib,scripts}/**/*.test.{ts,tsx}"], exclude: PACED_TEST_FILES } },
      { extends: true, test: { name: "paced", include: PACED_TEST_FILES } },
    ],
  },
});
