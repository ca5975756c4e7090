/**
 * V8 keeps the garbage of the mirror's fill (parsed pages) as heap long after it is collectable,
 * so without a limit a server holding a million-task mirror sits at 750 MB. A 384 MB old space
 * holds that mirror (about 160 MB live) with room for about twice as many tasks, and makes V8
 * collect instead of grow. Set --max-old-space-size in NODE_OPTIONS to choose another limit.
 */
export const HEAP_LIMIT_MB = 384;

/** The environment of the production server process, as `npm start` and the benchmarks run it. */
export function productionServerEnv(env: NodeJS.ProcessEnv, port: string): NodeJS.ProcessEnv {
  const nodeOptions = env.NODE_OPTIONS ?? "";
  return {
    ...env,
    PORT: port,
    NODE_ENV: "production",
    NODE_OPTIONS: nodeOptions.includes("--max-old-space-size") ? nodeOptions : `${nodeOptions} --max-old-space-size=${HEAP_LIMIT_MB}`.trim(),
  };
}
