import { type EmulatorProcess, startEmulatorProcess } from "./emulator";
import type { FigureContext } from "./figure";
import { type FillResult, measureFill } from "./mirror";
import { type DashboardServer, ensureBuild, startDashboard } from "./server";

export interface LargeAccount {
  tasksPerHour: number;
  emulator: EmulatorProcess;
  server: DashboardServer;
  /** Null when the server has no /api/stats (no mirror to fill). */
  fill: FillResult | null;
}

let pending: Promise<LargeAccount> | undefined;

/**
 * One emulator with a million tasks (100,000 in quick runs) and one production server whose mirror
 * has been filled: the steady state of a dashboard for a large account. Several figures use it, so
 * the two-minute fill happens once per run; its measurements are kept for the mirror figures.
 */
export function largeAccount(ctx: FigureContext): Promise<LargeAccount> {
  pending ??= (async () => {
    const tasksPerHour = ctx.quick ? 1_400 : 14_000;
    ensureBuild(ctx.log);
    const emulator = await startEmulatorProcess({ tasksPerHour, shared: true });
    const server = await startDashboard(emulator, {}, [], { shared: true });
    ctx.log(`filling the mirror of about ${tasksPerHour * 72} tasks (shared by the figures that need a large account)`);
    const fill = await measureFill(server, emulator, tasksPerHour * 72, 90, ctx.log);
    ctx.log(fill ? `filled: ${fill.tasks} tasks in ${fill.seconds.toFixed(1)} s` : "no /api/stats: nothing to fill");
    return { tasksPerHour, emulator, server, fill };
  })();
  pending.catch(() => (pending = undefined));
  return pending;
}
