import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./processes";

/** One row of the table: a measured value against its target. */
export interface FigureRow {
  figure: string;
  /** What was measured, e.g. "upstream calls per view per second". */
  metric: string;
  /** null when it could not be measured (counts as a miss). */
  value: number | null;
  unit: string;
  /** Human-readable target, e.g. "≤ 1". */
  target: string;
  pass: boolean;
  note?: string;
  /** One-minute load average when the figure finished. */
  load?: number;
}

export interface Comparison {
  op: "<=" | ">=";
  limit: number;
}

/** A row from a measured value and its comparison; a value that is null misses. */
export function row(figure: string, metric: string, value: number | null, unit: string, cmp: Comparison, note?: string): FigureRow {
  const pass = value !== null && Number.isFinite(value) && (cmp.op === "<=" ? value <= cmp.limit : value >= cmp.limit);
  return { figure, metric, value, unit, target: `${cmp.op === "<=" ? "≤" : "≥"} ${cmp.limit}${unit ? ` ${unit}` : ""}`, pass, note };
}

export function unavailable(figure: string, metric: string, unit: string, cmp: Comparison, why: string): FigureRow {
  return row(figure, metric, null, unit, cmp, `not available: ${why}`);
}

function formatValue(r: FigureRow): string {
  if (r.value === null) return "n/a";
  const v = Math.abs(r.value) >= 100 ? r.value.toFixed(0) : Math.abs(r.value) >= 10 ? r.value.toFixed(1) : r.value.toFixed(2);
  return `${v}${r.unit ? ` ${r.unit}` : ""}`;
}

export function printTable(rows: FigureRow[]): void {
  const table = rows.map((r) => [r.figure, r.metric, formatValue(r), r.target, r.pass ? "pass" : "MISS", r.note ?? ""]);
  const header = ["figure", "metric", "measured", "target", "result", "note"];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => (i === 5 ? 0 : t[i].length))));
  const line = (cells: string[]) => cells.map((c, i) => (i === 5 ? c : c.padEnd(widths[i]))).join("  ");
  console.log("");
  console.log(line(header));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const t of table) console.log(line(t));
  console.log("");
}

export function machine() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

export function writeResults(rows: FigureRow[], meta: { quick: boolean; only?: string[]; startedAt: string; durationS: number }): string {
  const dir = path.join(ROOT, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "latest.json");
  writeFileSync(file, JSON.stringify({ ...meta, machine: machine(), passed: rows.every((r) => r.pass), figures: rows }, null, 2) + "\n");
  return file;
}
