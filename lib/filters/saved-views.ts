import { REFRESH_CHOICES } from "@/lib/model/refresh";
import { taskQueryParams } from "./task-query";

/** A named view: the dashboard URL's query string (without `?`), as the page would hold it. */
export interface SavedView {
  name: string;
  query: string;
}

export const MAX_VIEW_NAME = 60;
/** A browser keeps at most this many views of its own. */
export const MAX_SAVED_VIEWS = 50;

function isTimeZone(zone: string): boolean {
  if (zone === "local") return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** What a view may hold: every filter of the page (not the API's `cursor`), and how it refreshes and tells time. */
const VIEW_PARAMS: Record<string, { parse(raw: string): unknown; expected: string }> = {
  ...Object.fromEntries(Object.entries(taskQueryParams).filter(([name]) => name !== "cursor")),
  refresh: { parse: (raw) => ((REFRESH_CHOICES as readonly string[]).includes(raw) ? raw : null), expected: `one of ${REFRESH_CHOICES.join(", ")}` },
  tz: { parse: (raw) => (isTimeZone(raw) ? raw : null), expected: "local, UTC or an IANA time zone such as Asia/Shanghai" },
};

/** Parameters of the page's URL that are not part of a view: the open task. */
const NOT_A_VIEW = new Set(["task", "cursor"]);

/**
 * The view of a page URL's query string: its view parameters in a fixed order (so that two
 * spellings of one view compare equal), without the open task or anything the page does not read.
 */
export function viewQueryOf(search: string): string {
  const params = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  const kept = new URLSearchParams();
  for (const name of Object.keys(VIEW_PARAMS)) {
    const value = params.get(name);
    if (value !== null && value !== "" && !NOT_A_VIEW.has(name)) kept.set(name, value);
  }
  return kept.toString();
}

/** Checks a view's query strictly, for configuration: a message naming the parameter, or null when it is good. */
export function viewQueryProblem(query: string): string | null {
  const params = new URLSearchParams(query.startsWith("?") ? query.slice(1) : query);
  for (const name of new Set(params.keys())) {
    const kind = VIEW_PARAMS[name];
    if (!kind) return `${name} is not a parameter of the dashboard's view${name === "task" ? " (a view cannot open a task)" : ""}`;
    const values = params.getAll(name);
    if (values.length > 1) return `${name} is given more than once`;
    if (kind.parse(values[0]) === null) return `${name} must be ${kind.expected}`;
  }
  return null;
}

/**
 * DASHBOARD_SAVED_VIEWS: a JSON object of view names to query strings, the team's defaults
 * (`{"Failed today": "outcome=failed&createdAfter=now-24h"}`). Throws a message that says what
 * is wrong and in which view; the values are the dashboard's own parameters, never secrets.
 */
export function parseTeamViews(json: string): SavedView[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error("must be a JSON object of view names to query strings, such as {\"Failed today\": \"outcome=failed&createdAfter=now-24h\"}");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new Error("must be a JSON object of view names to query strings, such as {\"Failed today\": \"outcome=failed&createdAfter=now-24h\"}");
  }
  return Object.entries(parsed).map(([rawName, query]) => {
    const name = rawName.trim();
    if (!name || name.length > MAX_VIEW_NAME) throw new Error(`view names must be 1 to ${MAX_VIEW_NAME} characters ("${rawName.slice(0, MAX_VIEW_NAME)}")`);
    if (typeof query !== "string") throw new Error(`view "${name}" must be a query string such as "status=PROCESSING&createdAfter=now-1h"`);
    const problem = viewQueryProblem(query);
    if (problem) throw new Error(`view "${name}": ${problem}`);
    return { name, query: viewQueryOf(query) };
  });
}

/** A browser's own views as localStorage kept them; anything malformed is dropped, never thrown. */
export function readStoredViews(text: string | null): SavedView[] {
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((entry): entry is SavedView => typeof entry?.name === "string" && typeof entry?.query === "string" && entry.name.trim() !== "")
      .map((entry) => ({ name: entry.name.trim().slice(0, MAX_VIEW_NAME), query: viewQueryOf(entry.query) }))
      .slice(0, MAX_SAVED_VIEWS);
  } catch {
    return [];
  }
}

/** Saves (or replaces, by name) a view at the top of the list. */
export function withView(views: readonly SavedView[], view: SavedView): SavedView[] {
  return [view, ...views.filter((other) => other.name !== view.name)].slice(0, MAX_SAVED_VIEWS);
}

/** The views as a link list: one "name<TAB>URL" per line, for a chat, a wiki or a file. */
export function viewLinks(views: readonly SavedView[], origin: string): string {
  return views.map((view) => `${view.name}\t${origin}/${view.query ? `?${view.query}` : ""}`).join("\n") + (views.length ? "\n" : "");
}
