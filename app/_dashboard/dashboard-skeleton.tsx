import { SkeletonRows } from "@/components/task-table/table-footer";

/** What the server sends before the browser renders the dashboard: the same frame, no data. */
export function DashboardSkeleton() {
  return (
    <div aria-busy="true">
      <header className="z-30 border-b border-zinc-200 bg-white sm:sticky sm:top-0 dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mx-auto flex min-h-14 max-w-[1800px] items-center px-4 py-2">
          <h1 className="text-base font-semibold">VOD tasks</h1>
        </div>
      </header>
      <main className="mx-auto max-w-[1800px] space-y-4 px-4 py-4">
        <div className="h-14 rounded-lg bg-zinc-200/60 motion-safe:animate-pulse dark:bg-zinc-800/60" />
        <div className="h-56 rounded-lg bg-zinc-200/60 motion-safe:animate-pulse dark:bg-zinc-800/60" />
        <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"><SkeletonRows /></div>
      </main>
    </div>
  );
}
