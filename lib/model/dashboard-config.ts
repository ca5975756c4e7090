import type { SavedView } from "@/lib/filters/saved-views";

/** What the server's configuration tells the page, read once per render on the server (app/page.tsx). */
export interface DashboardConfig {
  /** VOD_HISTORY_DAYS: how far back the time filters reach (the 7- and 30-day presets need it). */
  historyDays: number;
  /** DASHBOARD_SAVED_VIEWS: the team's named views, shown beside the browser's own. */
  teamViews: SavedView[];
}
