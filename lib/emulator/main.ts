// `npm run emulator`: the emulator as a process, configured from the environment.
import { ConfigError, loadEmulatorConfig } from "./config";
import { startEmulator } from "./server";

async function main(): Promise<void> {
  let config;
  try {
    config = loadEmulatorConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`VOD emulator: invalid configuration: ${e.message}`);
      process.exit(78);
    }
    throw e;
  }
  const emulator = await startEmulator({
    port: config.port,
    seed: config.seed,
    tasksPerHour: config.tasksPerHour,
    subApps: config.subApps,
    keys: config.keys,
  });
  console.log(`VOD emulator listening on ${emulator.url} (${emulator.taskCount} tasks, seed ${config.seed})`);
  const stop = () => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((e: unknown) => {
  console.error("VOD emulator failed to start:", e instanceof Error ? e.message : e);
  process.exit(1);
});
