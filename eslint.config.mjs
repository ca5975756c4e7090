import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

/**
 * Modules that hold the server's state or its secrets. Only the server's own module graph may
 * load them: never the browser's code, and never a page (Next.js would bundle a second copy);
 * pages reach them through lib/server/page-data-link.ts.
 */
const SERVER_ONLY = [
  "./lib/server",
  "./lib/vod",
  "./lib/mirror",
  "./lib/tasks",
  "./lib/config",
  "./lib/store",
  "./lib/auth",
  "./lib/metrics",
  "./lib/alerts",
  "./lib/emulator",
  "./lib/log.ts",
  "./lib/api/respond.ts",
  "./lib/oncall/get-oncall.ts",
  "./lib/oncall/snapshot.ts",
];

/** The layers, checked by `npm run lint` (see lib/testing/lint-boundaries.test.ts). */
export const boundaries = {
  files: ["**/*.ts", "**/*.tsx"],
  // Tests, test rigs, browser tests and benchmarks may reach anything, the emulator included.
  ignores: ["**/*.test.ts", "**/*.test.tsx", "**/testing/**", "e2e/**", "bench/**"],
  rules: {
    "import/no-restricted-paths": ["error", {
      zones: [
        { target: ["./app/**/*", "./components/**/*", "./lib/!(emulator)/**/*", "./lib/*", "./scripts/**/*"], from: "./lib/emulator",
          message: "Product code must not import the emulator: it is a stand-in upstream, reached over HTTP." },
        ...SERVER_ONLY.map((from) => ({ target: ["./components", "./lib/client"], from,
          message: "The browser's code must not import server-only modules." })),
        ...SERVER_ONLY.map((from) => ({ target: "./app", from, except: from === "./lib/server" ? ["./page-data-link.ts"] : [],
          message: "Pages reach the server's state only through lib/server/page-data-link.ts." })),
        { target: "./lib", from: "./app", message: "lib/ must not import app/." },
      ],
    }],
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  boundaries,
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    "bench/results/**",
  ]),
]);
