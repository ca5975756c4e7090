/** Shared control looks, so that every input, select and button in the bar lines up. */
export const controlClass =
  "h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 shadow-xs placeholder:text-zinc-500 focus-visible:border-blue-600 focus-visible:outline-2 focus-visible:outline-blue-600/40 disabled:opacity-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-400";

export const labelClass = "text-[11px] font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400";

export const buttonClass =
  "inline-flex h-8 items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-2.5 text-sm font-medium text-zinc-800 shadow-xs hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800";
